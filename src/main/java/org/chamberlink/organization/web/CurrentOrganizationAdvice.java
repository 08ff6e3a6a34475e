package org.chamberlink.organization.web;

import org.chamberlink.identity.AccountPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Shows the signed-in account's organisation in the layout's header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentOrganizationAdvice {

	private final JdbcClient jdbc;

	CurrentOrganizationAdvice(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ModelAttribute("orgName")
	String orgName(Authentication authentication, jakarta.servlet.http.HttpServletRequest request) {
		// JSON answers have no header to show it in: spare the API a query per call.
		if (request.getRequestURI().startsWith("/api/") || authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)
				|| principal.orgId() == null) {
			return null;
		}
		// The account's own node is always within its scope, so no scope predicate is needed here.
		return jdbc.sql("select name from organization where id = :id")
			.param("id", principal.orgId())
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
