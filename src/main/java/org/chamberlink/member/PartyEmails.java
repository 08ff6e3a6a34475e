package org.chamberlink.member;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.web.RecordNotFoundException;
import org.chamberlink.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A party's e-mail address, where notices (dues reminders, case updates) go. Staff keep it on the
 * member's page; a member with a sign-in keeps their own in the portal. Changes are audited.
 */
@Service
public class PartyEmails {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;

	private final Members members;

	private final AuditTrail audit;

	PartyEmails(JdbcClient jdbc, Members members, AuditTrail audit) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
	}

	/** The address, unscoped: other modules address notices with it. */
	@Transactional(readOnly = true)
	public Optional<String> of(Long partyId) {
		return jdbc.sql("select email from party where id = :id").param("id", partyId).query(String.class).optional();
	}

	/** Staff set the address of a party in their scope; blank clears it. */
	@Transactional
	public void set(Long partyId, String email) {
		members.get(partyId);
		write(partyId, email);
	}

	/** The signed-in member sets their own address. */
	@Transactional
	public void setOwn(AccountPrincipal member, String email) {
		Long partyId = partyOf(member).orElseThrow(() -> new RecordNotFoundException("Party", member.id()));
		write(partyId, email);
	}

	@Transactional(readOnly = true)
	public Optional<Long> partyOf(AccountPrincipal member) {
		return jdbc.sql("select party_id from member_account where account_id = :account")
			.param("account", member.id())
			.query(Long.class)
			.optional();
	}

	private void write(Long partyId, String email) {
		String value = email == null || email.isBlank() ? null : email.strip();
		if (value != null && (value.length() > 200 || !EMAIL.matcher(value).matches())) {
			throw new RuleViolationException("email", "member.email.invalid");
		}
		String before = of(partyId).orElse(null);
		jdbc.sql("update party set email = :email where id = :id").param("email", value).param("id", partyId).update();
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Party", partyId)
			.summary("电子邮箱")
			.changes(Map.of("email", new Change(before, value))));
	}

}
