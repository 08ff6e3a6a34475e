package org.chamberlink.points;

import java.util.Optional;

import org.chamberlink.identity.AccountPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in account that acts; "system" for the listeners. */
final class PointActor {

	private PointActor() {
	}

	static Optional<AccountPrincipal> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				? Optional.of(principal) : Optional.empty();
	}

	static String name() {
		return current().map(AccountPrincipal::getUsername).orElse("system");
	}

}
