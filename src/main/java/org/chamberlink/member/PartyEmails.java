package org.chamberlink.member;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A party's e-mail address, where notices (dues reminders, case updates) go. Each organisation
 * keeps its own (decision 0019): staff keep it on the member's page, a member with a sign-in gives
 * theirs in the portal to every organisation they belong to. Changes are audited.
 */
@Service
public class PartyEmails {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;

	private final Members members;

	private final PartyContacts contacts;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final org.chamberlink.privacy.PersonalData personalData;

	PartyEmails(JdbcClient jdbc, Members members, PartyContacts contacts, Organizations organizations,
			AuditTrail audit, org.chamberlink.privacy.PersonalData personalData) {
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.members = members;
		this.contacts = contacts;
		this.organizations = organizations;
		this.audit = audit;
	}

	/** The address the caller's subtree keeps for a party of that subtree. */
	@Transactional(readOnly = true)
	public Optional<String> of(Long partyId) {
		members.get(partyId);
		return contacts.visible(partyId, members.scope()).map(PartyContacts.Contact::email);
	}

	/**
	 * Where a notice from this organisation to the party goes: the organisation's own copy, else
	 * one kept below it (a county handling a chamber's case writes to the address the chamber
	 * has). Unscoped: other modules address notices with it, also from scheduled jobs.
	 */
	@Transactional(readOnly = true)
	public Optional<String> forNoticeUnscoped(Long partyId, Long orgId) {
		return organizations.findActiveUnscoped(orgId).flatMap(org -> contacts.emailFor(partyId, org.path()));
	}

	/**
	 * The mobile number a notice from this organisation goes to when no address is kept (the same
	 * copies as {@link #forNoticeUnscoped}), decrypted for the outbox, which stores it encrypted again.
	 */
	@Transactional(readOnly = true)
	public Optional<String> phoneForNoticeUnscoped(Long partyId, Long orgId) {
		return organizations.findActiveUnscoped(orgId)
			.flatMap(org -> contacts.phoneFor(partyId, org.path()))
			.map(personalData::decrypt);
	}

	/** Where a notice to one party goes: an address, else a mobile number (decrypted), else neither. */
	public record NoticeAddress(Long partyId, Long orgId, String email, String phone) {
	}

	/**
	 * {@link #forNoticeUnscoped} and {@link #phoneForNoticeUnscoped} for many parties at once (a
	 * notice's reminders to thousands of members): one statement for the lot, each party with the
	 * organisation it is written to from. Parties of an inactive or unknown organisation are left out.
	 */
	@Transactional(readOnly = true)
	public java.util.List<NoticeAddress> forNoticesUnscoped(java.util.List<Long> partyIds, java.util.List<Long> orgIds) {
		if (partyIds.isEmpty()) {
			return java.util.List.of();
		}
		return jdbc.sql("""
				select t.party_id, t.org_id,
				       (select c.email from party_contact c
				        where c.party_id = t.party_id and starts_with(c.org_path, o.path) and c.email is not null
				        order by length(c.org_path), c.updated_at desc limit 1) as email,
				       (select c.phone_cipher from party_contact c
				        where c.party_id = t.party_id and starts_with(c.org_path, o.path) and c.phone_cipher is not null
				        order by length(c.org_path), c.updated_at desc limit 1) as phone
				from unnest(cast(:parties as bigint[]), cast(:orgs as bigint[])) as t(party_id, org_id)
				join published_organization o on o.org_id = t.org_id and o.status = 'ACTIVE'
				""")
			.param("parties", partyIds.toArray(Long[]::new))
			.param("orgs", orgIds.toArray(Long[]::new))
			.query((rs, i) -> {
				String email = rs.getString("email");
				byte[] phone = email == null ? rs.getBytes("phone") : null;
				return new NoticeAddress(rs.getLong("party_id"), rs.getLong("org_id"), email,
						phone == null ? null : personalData.decrypt(phone));
			})
			.list();
	}

	/** The signed-in member's own address, as they last gave it. */
	@Transactional(readOnly = true)
	public Optional<String> own(AccountPrincipal member) {
		return partyOf(member).flatMap(contacts::ownEmail);
	}

	/** Staff set the address their subtree keeps for a party of it; blank clears it. */
	@Transactional
	public void set(Long partyId, String email) {
		members.get(partyId);
		String value = checked(email);
		String before = of(partyId).orElse(null);
		contacts.setEmail(partyId, members.scope(), value);
		audited(partyId, members.callerOrgId(), before, value);
	}

	/** The signed-in member sets their own address, for every organisation they belong to. */
	@Transactional
	public void setOwn(AccountPrincipal member, String email) {
		Long partyId = partyOf(member).orElseThrow(() -> new RecordNotFoundException("Party", member.id()));
		String value = checked(email);
		String before = contacts.ownEmail(partyId).orElse(null);
		contacts.setOwnEmail(partyId, value);
		audited(partyId, null, before, value);
	}

	@Transactional(readOnly = true)
	public Optional<Long> partyOf(AccountPrincipal member) {
		return jdbc.sql("select party_id from member_account where account_id = :account")
			.param("account", member.id())
			.query(Long.class)
			.optional();
	}

	private static String checked(String email) {
		String value = email == null || email.isBlank() ? null : email.strip();
		if (value != null && (value.length() > 200 || !EMAIL.matcher(value).matches())) {
			throw new RuleViolationException("email", "member.email.invalid");
		}
		return value;
	}

	private void audited(Long partyId, Long orgId, String before, String after) {
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Party", partyId)
			.org(orgId)
			.summary("电子邮箱")
			.changes(Map.of("email", new Change(before, after))));
	}

}
