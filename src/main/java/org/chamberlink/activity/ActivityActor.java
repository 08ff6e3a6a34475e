package org.chamberlink.activity;

import org.chamberlink.identity.AccountPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in account that acts; the system (0) for the sweep and public check-in pages. */
final class ActivityActor {

	static final long SYSTEM = 0L;

	private ActivityActor() {
	}

	static long accountId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal.id() : SYSTEM;
	}

}
