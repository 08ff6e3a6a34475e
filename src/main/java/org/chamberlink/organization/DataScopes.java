package org.chamberlink.organization;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Resolves the current account's {@link DataScope}: its organisation's subtree. Within a web
 * request it is looked up once and kept on the request (a case page asks for it about six times);
 * background jobs, which carry the account but no request, look it up each time.
 */
@Service
public class DataScopes {

	private final JdbcClient jdbc;

	DataScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String REQUEST_KEY = DataScopes.class.getName() + ".scope";

	public DataScope current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return DataScope.nothing();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return of(principal);
		}
		// keyed by the account: a sign-in or switch within the request resolves it again
		if (request.getAttribute(REQUEST_KEY, RequestAttributes.SCOPE_REQUEST) instanceof Resolved resolved
				&& resolved.accountId().equals(principal.id()) && java.util.Objects.equals(resolved.orgId(), principal.orgId())) {
			return resolved.scope();
		}
		DataScope scope = of(principal);
		request.setAttribute(REQUEST_KEY, new Resolved(principal.id(), principal.orgId(), scope),
				RequestAttributes.SCOPE_REQUEST);
		return scope;
	}

	private record Resolved(Long accountId, Long orgId, DataScope scope) {
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
