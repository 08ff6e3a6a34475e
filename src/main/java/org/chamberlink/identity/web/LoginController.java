package org.chamberlink.identity.web;

import jakarta.servlet.http.HttpSession;
import org.chamberlink.identity.LoginFailureMessage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.WebAttributes;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			LoginFailureMessage message = LoginFailureMessage
				.of(session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION));
			model.addAttribute("errorKey", message.key());
			model.addAttribute("errorArgument", message.argument());
		}
		return "identity/login";
	}

}
