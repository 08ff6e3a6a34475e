package org.chamberlink.support;

import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs a new account in on the test's thread, for tests that call services rather than endpoints. */
public final class SignedIn {

	private SignedIn() {
	}

	/** A new installation-wide system administrator (data scope: everything), signed in. */
	public static AccountPrincipal asSystemAdministrator(AccountManagement accounts) {
		AccountPrincipal admin = accounts.create(new NewAccount("sa" + System.nanoTime() % 100_000_000, "测试系统管理员",
				TestAccounts.PASSWORD, null, Set.of(Role.SYSTEM_ADMIN), false));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		return admin;
	}

	public static void signOut() {
		SecurityContextHolder.clearContext();
	}

}
