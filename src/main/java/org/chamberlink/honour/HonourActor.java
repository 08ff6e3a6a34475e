package org.chamberlink.honour;

import org.chamberlink.identity.AccountPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in account that acts; the system (0) for the public objection form. */
final class HonourActor {

	static final long SYSTEM = 0L;

	private HonourActor() {
	}

	static long accountId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal.id() : SYSTEM;
	}

}
