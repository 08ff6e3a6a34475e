package org.chamberlink.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/** Audits sign-in and sign-out, and sends an account that must change its password there first. */
final class LoginOutcomeHandlers {

	private LoginOutcomeHandlers() {
	}

	static class Success extends SavedRequestAwareAuthenticationSuccessHandler {

		private final AuditTrail audit;

		Success(AuditTrail audit) {
			this.audit = audit;
			setDefaultTargetUrl("/");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, ServletException {
			AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
			audit.record(AuditEntry.of(AuditAction.LOGIN)
				.entity("UserAccount", principal.id())
				.org(principal.orgId())
				.by(principal.getUsername()));
			if (principal.passwordChangeRequired()) {
				clearAuthenticationAttributes(request);
				getRedirectStrategy().sendRedirect(request, response, PasswordChangeRequiredFilter.CHANGE_PASSWORD_PATH);
				return;
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

	static class Logout implements LogoutHandler {

		private final AuditTrail audit;

		Logout(AuditTrail audit) {
			this.audit = audit;
		}

		@Override
		public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
			if (authentication != null) {
				audit.record(AuditEntry.of(AuditAction.LOGOUT).by(authentication.getName()));
			}
		}

	}

}
