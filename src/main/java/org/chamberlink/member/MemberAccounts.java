package org.chamberlink.member;

import org.chamberlink.identity.RoleGroups;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.InitialPasswords;
import org.chamberlink.identity.LoginAlias;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.Organizations;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member sign-ins for the member portal: an administrator opens one for a person who has a
 * phone; the member signs in with that phone and a one-time initial password they must change.
 * The account is bound to the person, not to an organisation, so it sees nothing of the
 * registry: only its own memberships.
 */
@Service
public class MemberAccounts implements LoginAlias {

	/** What an administrator hands over once: the sign-in name (the phone) and the initial password. */
	public record Opened(String login, String initialPassword) {
	}

	/** One membership as the member sees it in the portal. */
	public record OwnMembership(Long orgId, String orgName, MemberRole role, Tier tier, java.time.LocalDate joinedOn,
			java.time.LocalDate leftOn, String leaveReason) {

		public MembershipStatus status(java.time.LocalDate today) {
			return leftOn == null || leftOn.isAfter(today) ? MembershipStatus.ACTIVE : MembershipStatus.LEFT;
		}

	}

	private final JdbcClient jdbc;

	private final Members members;

	private final AccountManagement accounts;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final PartyContacts contacts;

	private final Organizations organizations;

	MemberAccounts(JdbcClient jdbc, Members members, AccountManagement accounts, PersonalData personalData,
			AuditTrail audit, PartyContacts contacts, Organizations organizations) {
		this.organizations = organizations;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.members = members;
		this.accounts = accounts;
		this.personalData = personalData;
		this.audit = audit;
	}

	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public Opened open(Long partyId) {
		PartyDetails party = members.get(partyId);
		if (party.kind() != PartyKind.PERSON) {
			throw new RuleViolationException("partyId", "portal.personsOnly");
		}
		if (hasAccount(partyId)) {
			throw new RuleViolationException("partyId", "portal.alreadyOpen");
		}
		// the member signs in with the phone the opening organisation has for them
		byte[] phone = contacts.visible(partyId, members.scope()).map(PartyContacts.Contact::phoneCipher).orElse(null);
		if (phone == null) {
			throw new RuleViolationException("phone", "portal.phoneNeeded");
		}
		String password = InitialPasswords.generate(12);
		AccountPrincipal account = accounts.create(new NewAccount("member-" + partyId, party.name(), password, null,
				Set.of(Role.MEMBER), true));
		jdbc.sql("insert into member_account (account_id, party_id) values (:account, :party)")
			.param("account", account.id())
			.param("party", partyId)
			.update();
		audit.record(AuditEntry.of("MEMBER_LOGIN_OPENED").entity("Party", partyId).org(members.callerOrgId()).summary(account.getUsername()));
		return new Opened(personalData.decrypt(phone), password);
	}

	public boolean hasAccount(Long partyId) {
		return jdbc.sql("select count(*) from member_account where party_id = :party").param("party", partyId)
			.query(Long.class).single() > 0;
	}

	/** The signed-in member's own memberships, in every organisation. */
	@Transactional(readOnly = true)
	public List<OwnMembership> membershipsOf(AccountPrincipal member) {
		List<OwnMembership> own = jdbc.sql("""
				select m.org_id, null as org_name, m.role, m.tier, m.joined_on, m.left_on, m.leave_reason
				from member_account a
				join membership m on m.party_id = a.party_id
				where a.account_id = :account
				order by (m.left_on is null) desc, m.joined_on desc
				""")
			.param("account", member.id())
			.query(OwnMembership.class)
			.list();
		Map<Long, String> names = organizations.namesUnscoped(own.stream().map(OwnMembership::orgId).toList());
		return own.stream()
			.map(m -> new OwnMembership(m.orgId(), names.get(m.orgId()), m.role(), m.tier(), m.joinedOn(), m.leftOn(),
					m.leaveReason()))
			.toList();
	}

	/** A member signs in with the mobile phone recorded for them. */
	@Override
	public Optional<String> usernameFor(String login) {
		if (!MobilePhone.isValid(login)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select a.account_id from party_contact c
				join member_account a on a.party_id = c.party_id
				where c.phone_hash = :hash
				limit 1
				""")
			.param("hash", PersonalValues.phone(personalData, login).hash())
			.query(Long.class)
			.optional()
			.flatMap(accounts::usernameOf);
	}

}
