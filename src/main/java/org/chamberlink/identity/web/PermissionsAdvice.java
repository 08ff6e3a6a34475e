package org.chamberlink.identity.web;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Permissions;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@link Permissions} into every page's model as {@code may}. */
@ControllerAdvice(annotations = Controller.class)
class PermissionsAdvice {

	@ModelAttribute("may")
	Permissions may(Authentication authentication) {
		return Permissions.of(authentication != null && authentication.getPrincipal() instanceof AccountPrincipal account
				? account : null);
	}

}
