package org.chamberlink.evaluation;

import org.chamberlink.identity.AccountPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in account that acts, and its organisation. */
final class EvaluationActor {

	private EvaluationActor() {
	}

	static AccountPrincipal principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal : null;
	}

	static long accountId() {
		AccountPrincipal principal = principal();
		return principal == null ? 0L : principal.id();
	}

	static Long orgId() {
		AccountPrincipal principal = principal();
		return principal == null ? null : principal.orgId();
	}

}
