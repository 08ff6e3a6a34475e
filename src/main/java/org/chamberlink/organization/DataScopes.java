package org.chamberlink.organization;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Resolves the current account's {@link DataScope}: its organisation's subtree. */
@Service
public class DataScopes {

	private final JdbcClient jdbc;

	DataScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public DataScope current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return DataScope.nothing();
		}
		return of(principal);
	}

	/** The organisation the current account belongs to, or null (installation-wide or signed out). */
	Long currentOrgId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				? principal.orgId() : null;
	}

	public DataScope of(AccountPrincipal principal) {
		if (principal.orgId() == null) {
			return principal.hasRole(Role.SYSTEM_ADMIN) ? DataScope.all() : DataScope.nothing();
		}
		return jdbc.sql("select path from organization where id = :id")
			.param("id", principal.orgId())
			.query(String.class)
			.optional()
			.map(DataScope::below)
			.orElse(DataScope.nothing());
	}

}
