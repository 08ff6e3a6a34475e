package org.chamberlink.identity;

import java.util.Optional;
import java.util.regex.Pattern;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff account's e-mail address, where work notices go (a case assigned, a case about to go
 * overdue). Each person keeps their own on the account page.
 */
@Service
public class AccountEmails {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	AccountEmails(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Optional<String> of(Long accountId) {
		return jdbc.sql("select email from user_account where id = :id and email is not null")
			.param("id", accountId)
			.query(String.class)
			.optional();
	}

	/** Sets the caller's own address; blank clears it. */
	@Transactional
	public void setOwn(AccountPrincipal me, String email) {
		String value = email == null || email.isBlank() ? null : email.strip();
		if (value != null && (value.length() > 200 || !EMAIL.matcher(value).matches())) {
			throw new RuleViolationException("email", "account.emailInvalid");
		}
		jdbc.sql("update user_account set email = :email where id = :id").param("email", value).param("id", me.id())
			.update();
		audit.record(AuditEntry.of("ACCOUNT_EMAIL").entity("UserAccount", me.id()).summary(value == null ? "audit.summary.emailRemoved" : "audit.summary.emailSet"));
	}

}
