package org.chamberlink.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** An upload over the limit gets the localized "file too large" page instead of a bare error. */
@ControllerAdvice
// Before UnroutedErrorHandler, whose catch-all must only see what these leave.
@Order(0)
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
		page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
		return page;
	}

}
