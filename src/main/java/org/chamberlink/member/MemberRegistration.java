package org.chamberlink.member;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Enters members, edits their data and changes memberships, within the caller's scope. A party
 * is entered once: an enterprise, person or group already known gets the new membership.
 * Every change is audited with before and after (personal data masked).
 */
@Service
public class MemberRegistration {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Members members;

	private final MemberRules rules;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final PartyContacts contacts;

	private final ApplicationEventPublisher events;

	/** The audit action of a membership added to a party the organisation could not see before. */
	static final String AUDIT_ATTACHED = "ATTACH";

	MemberRegistration(JdbcClient jdbc, Organizations organizations, Members members, MemberRules rules,
			PersonalData personalData, AuditTrail audit, PartyContacts contacts, ApplicationEventPublisher events) {
		this.contacts = contacts;
		this.events = events;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
		this.rules = rules;
		this.personalData = personalData;
		this.audit = audit;
	}

	/** Every problem with a new member, for a form to show them all at once. */
	public List<FieldProblem> problems(NewMember member) {
		OrganizationSummary target = member.orgId() == null ? null : organizations.get(member.orgId());
		return rules.check(member, target == null ? null : target.type());
	}

	/** Enters the member; returns the party's id (an existing party's when it was known). */
	@Transactional
	public Long register(NewMember member) {
		OrganizationSummary target = member.orgId() == null ? null : organizations.get(member.orgId());
		List<FieldProblem> problems = rules.check(member, target == null ? null : target.type());
		if (!problems.isEmpty()) {
			throw problems.get(0).toException();
		}
		String name = member.name() == null ? null : member.name().trim();
		if (member.kind() == PartyKind.GROUP && !member.isOutsideBody()) {
			name = organizations.get(member.groupOrgId()).name();
		}
		Long partyId = existing(member).orElse(null);
		// Attaching a party another organisation entered is how a member of two chambers is entered
		// once; it shares the registered facts only, never the other holder's contacts (decision 0019).
		boolean attached = partyId != null && !members.find(partyId).isPresent();
		if (partyId == null) {
			partyId = insertParty(member, name);
		}
		else if (hasCurrentMembership(partyId, target.id())) {
			throw new RuleViolationException(keyField(member), "member.alreadyMember", name, target.name());
		}
		PersonalValues phone = member.kind() == PartyKind.GROUP ? PersonalValues.NONE
				: PersonalValues.phone(personalData, member.phone());
		contacts.record(partyId, target.id(), target.path(), phone, null);
		Long membershipId = jdbc.sql("""
				insert into membership (party_id, org_id, org_path, role, tier, tier_reason, joined_on)
				values (:party, :org, :path, :role, :tier, :reason, :joined)
				returning id
				""")
			.param("party", partyId)
			.param("org", target.id())
			.param("path", target.path())
			.param("role", member.role().name())
			.param("tier", member.effectiveTier().name())
			.param("reason", blankToNull(member.tierReason()))
			.param("joined", member.joinedOn())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of(attached ? AUDIT_ATTACHED : AuditAction.CREATE)
			.entity("Party", partyId)
			.org(target.id())
			.summary(attached ? "audit.summary.membershipAttached." + keyField(member) : "audit.summary.membershipStarted",
					membershipId, target.name())
			.changes(Map.of("membership", new Change(null, target.name()), "role", new Change(null, member.role().name()))));
		events.publishEvent(new MembershipStarted(membershipId, partyId, target.id(), target.path(), member.role(),
				member.joinedOn()));
		return partyId;
	}

	/**
	 * The party already entered with the member's key, in the subtree or outside it (then the
	 * membership attaches to it, decision 0020). A credit code is one key whatever the kind: an
	 * outside body's and an enterprise's are the same register's (decision 31).
	 */
	private Optional<Long> existing(NewMember member) {
		if (member.isOutsideBody()) {
			return byCreditCode(member.creditCode());
		}
		return switch (member.kind()) {
			case ENTERPRISE -> byCreditCode(member.creditCode());
			case PERSON -> StringUtils.hasText(member.idNumber())
					? jdbc.sql("select id from party where id_number_hash = :hash and status = 'ACTIVE'")
						.param("hash", PersonalValues.identityNumber(personalData, member.idNumber()).hash())
						.query(Long.class)
						.optional()
					: Optional.empty();
			case GROUP -> jdbc.sql("select id from party where group_org_id = :org and status = 'ACTIVE'")
				.param("org", member.groupOrgId())
				.query(Long.class)
				.optional();
		};
	}

	private Optional<Long> byCreditCode(String code) {
		return jdbc.sql("select id from party where credit_code = :code and status = 'ACTIVE'")
			.param("code", code.trim().toUpperCase())
			.query(Long.class)
			.optional();
	}

	private boolean hasCurrentMembership(Long partyId, Long orgId) {
		return jdbc.sql("select count(*) from membership where party_id = :party and org_id = :org and left_on is null")
			.param("party", partyId)
			.param("org", orgId)
			.query(Long.class)
			.single() > 0;
	}

	private Long insertParty(NewMember member, String name) {
		boolean enterprise = member.kind() == PartyKind.ENTERPRISE;
		boolean person = member.kind() == PartyKind.PERSON;
		boolean outsideBody = member.isOutsideBody();
		PersonalValues id = person ? PersonalValues.identityNumber(personalData, member.idNumber())
				: PersonalValues.NONE;
		return jdbc.sql("""
				insert into party (kind, name, name_key, credit_code, enterprise_kind, legal_representative,
				                   industry_code, size_class, employees, region_code, out_of_town, high_tech, gender,
				                   id_number_cipher, id_number_hash, id_number_masked, party_member, public_roles,
				                   group_org_id)
				values (:kind, :name, :nameKey, :creditCode, :enterpriseKind, :legal, :industry, :size, :employees,
				        :region, :outOfTown, :highTech, :gender, :idCipher, :idHash, :idMasked, :partyMember,
				        :publicRoles, :groupOrg)
				returning id
				""")
			.param("kind", member.kind().name())
			.param("name", name)
			.param("nameKey", PartyNames.key(name))
			.param("creditCode", enterprise || outsideBody ? member.creditCode().trim().toUpperCase() : null)
			.param("enterpriseKind", enterprise ? member.enterpriseKind().name() : null)
			.param("legal", enterprise ? blankToNull(member.legalRepresentative()) : null)
			.param("industry", blankToNull(member.industryCode()))
			.param("size", enterprise && member.sizeClass() != null ? member.sizeClass().name() : null)
			.param("employees", enterprise ? member.employees() : null)
			// a group's region is not asked for nor checked (the tree's organisation has its own)
			.param("region", member.kind() == PartyKind.GROUP ? null : blankToNull(member.regionCode()))
			.param("outOfTown", Boolean.TRUE.equals(member.outOfTown()))
			.param("highTech", Boolean.TRUE.equals(member.highTech()))
			// left blank, the sex is the one the identity number says
			.param("gender", !person ? null : member.gender() != null ? member.gender().name()
					: java.util.Optional.ofNullable(IdentityCardNumber.gender(member.idNumber())).map(Gender::name).orElse(null))
			.param("idCipher", id.cipher())
			.param("idHash", id.hash())
			.param("idMasked", id.masked())
			.param("partyMember", person && Boolean.TRUE.equals(member.partyMember()))
			.param("publicRoles", person ? blankToNull(member.publicRoles()) : null)
			.param("groupOrg", member.kind() == PartyKind.GROUP && !outsideBody ? member.groupOrgId() : null)
			.query(Long.class)
			.single();
	}

	private static String keyField(NewMember member) {
		return switch (member.kind()) {
			case ENTERPRISE -> "creditCode";
			case PERSON -> "idNumber";
			case GROUP -> member.isOutsideBody() ? "creditCode" : "groupOrgId";
		};
	}

	static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
