package org.chamberlink.identity;

import java.util.Set;

import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.ModuleTest;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity module with only the modules it declares: an account is stored with a password
 * hash, never the password, and the password changes only for who knows the current one.
 */
@ModuleTest
class IdentityModuleTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountKeepsOnlyAHashAndChangesItsPasswordOnlyWithTheCurrentOne() {
		String username = "im" + System.nanoTime() % 100_000_000;
		AccountPrincipal account = accounts.create(new NewAccount(username, "模块测试用户", TestAccounts.PASSWORD, null,
				Set.of(Role.STAFF), false));
		String hash = jdbc.sql("select password_hash from user_account where id = :id").param("id", account.id())
			.query(String.class).single();
		assertThat(hash).isNotBlank().doesNotContain(TestAccounts.PASSWORD);
		assertThat(accounts.findByUsername(username)).hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(account.id()));

		assertThatThrownBy(() -> accounts.changePassword(account.id(), "Wrong-Passw0rd-9", "Another-Passw0rd-2"))
			.isInstanceOf(RuleViolationException.class);
		accounts.changePassword(account.id(), TestAccounts.PASSWORD, "Another-Passw0rd-2");
		assertThat(jdbc.sql("select password_hash from user_account where id = :id").param("id", account.id())
			.query(String.class).single()).isNotEqualTo(hash);
	}

}
