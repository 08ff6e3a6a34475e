package org.chamberlink.support;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;

/** Creates accounts with unique names, so tests sharing one database never collide. */
public class TestAccounts {

	public static final String PASSWORD = "Test-Passw0rd-1";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final AccountManagement accounts;

	public TestAccounts(AccountManagement accounts) {
		this.accounts = accounts;
	}

	public AccountPrincipal create(Role... roles) {
		return create(false, roles);
	}

	public AccountPrincipal create(boolean mustChangePassword, Role... roles) {
		return create(mustChangePassword, null, roles);
	}

	/** An account bound to an organisation node: its data scope is that node's subtree. */
	public AccountPrincipal createIn(Long orgId, Role... roles) {
		return create(false, orgId, roles);
	}

	private AccountPrincipal create(boolean mustChangePassword, Long orgId, Role... roles) {
		String username = "t" + System.nanoTime() % 100000 + "_" + SEQUENCE.incrementAndGet();
		return accounts.create(new NewAccount(username, "测试用户" + SEQUENCE.get(), PASSWORD, orgId, Set.of(roles),
				mustChangePassword));
	}

}
