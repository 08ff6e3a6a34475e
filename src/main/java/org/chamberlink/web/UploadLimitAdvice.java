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

	private final ProblemResponses problems;

	UploadLimitAdvice(ProblemResponses problems) {
		this.problems = problems;
	}

	/** An API caller gets a problem detail, not the page (decision 30). */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "problem.tooLarge");
			return new ModelAndView();
		}
		ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
		page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
		return page;
	}

}
