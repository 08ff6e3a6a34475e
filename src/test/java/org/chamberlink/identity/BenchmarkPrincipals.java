package org.chamberlink.identity;

import java.util.Set;

/**
 * For benchmarks only: an account principal bound to any organisation without creating (and
 * hashing the password of) an account for each — the report benchmark acts as each of a province's
 * 5,500 organisations in turn. The id is that of a real account, so audit and steps name someone.
 */
public final class BenchmarkPrincipals {

	private BenchmarkPrincipals() {
	}

	public static AccountPrincipal at(AccountPrincipal real, Long orgId, Role role) {
		return new AccountPrincipal(real.id(), real.getUsername(), real.displayName(), orgId, "", true, false, Set.of(role));
	}

}
