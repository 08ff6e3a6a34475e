package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a party, checked by the same rules as a new member and audited with before and after.
 * Two kinds of data, two rules (decision 0019): the shared facts (name, codes, legal
 * representative, industry …) change only for an account whose subtree covers every membership of
 * the party; the phone is the caller's own copy, changed in its subtree only. A credit code or
 * identity number that a party outside the subtree has attaches the memberships to that party, as
 * entering a new member with it would, instead of naming the other holder.
 */
@Service
public class PartyUpdates {

	private final Members members;

	private final MemberRules rules;

	private final PersonalData personalData;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final PartyContacts contacts;

	private final PartyMerger merger;

	private final PartyChangeProposals proposals;

	private final Clock clock;

	PartyUpdates(Members members, MemberRules rules, PersonalData personalData, JdbcClient jdbc, AuditTrail audit,
			PartyContacts contacts, PartyMerger merger, @org.springframework.context.annotation.Lazy PartyChangeProposals proposals,
			Clock clock) {
		this.proposals = proposals;
		this.members = members;
		this.rules = rules;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.audit = audit;
		this.contacts = contacts;
		this.merger = merger;
		this.clock = clock;
	}

	/**
	 * What an edit did: the party's id afterwards (another one's when a registered code attached it
	 * there), and the proposal made when the shared facts are not the caller's to change.
	 */
	public record Outcome(Long partyId, Long proposalId) {
	}

	@Transactional
	public Outcome update(Long partyId, PartyChanges changes) {
		PartyDetails before = members.get(partyId);
		if (before.kind() == PartyKind.GROUP) {
			throw new RuleViolationException("name", "member.groupNotEditable");
		}
		List<FieldProblem> problems = rules
			.check(changes.asNewMember(before.kind(), LocalDate.now(clock)), OrganizationType.FEDERATION)
			.stream()
			.filter(problem -> !problem.field().equals("orgId") && !problem.field().equals("groupOrgId"))
			.toList();
		if (!problems.isEmpty()) {
			throw problems.get(0).toException();
		}
		long version = changes.version() == null ? before.version() : changes.version();
		if (version != before.version()) {
			throw new RuleViolationException("name", "member.staleVersion");
		}
		String changedShared = SharedFacts.firstChanged(before, changes);
		if (changedShared == null && newIdentityNumber(before, changes)) {
			changedShared = "idNumber";
		}
		Long proposal = null;
		if (changedShared != null && !members.coversEveryMembership(partyId)) {
			// another holder shows these facts too: their common federation decides (the phone is ours)
			proposal = proposals.propose(before, SharedFacts.withoutContacts(changes, before.version()));
			changedShared = null;
		}
		Long result = partyId;
		if (changedShared != null) {
			Long registered = registeredElsewhere(before, changes).orElse(null);
			if (registered != null) {
				// the code is an enterprise's (a person's) outside the subtree: attach, as a new entry would
				merger.merge(registered, partyId, before.name(), members.callerOrgId());
				result = registered;
			}
			else {
				writeShared(partyId, before, changes);
			}
		}
		if (Boolean.TRUE.equals(changes.clearPhone())) {
			contacts.setPhone(result, members.scope(), PersonalValues.NONE);
		}
		else if (changes.phone() != null && !changes.phone().isBlank()) {
			contacts.setPhone(result, members.scope(), PersonalValues.phone(personalData, changes.phone()));
		}
		PartyDetails after = members.get(result);
		Map<String, Change> sharedChanges = Change.between(snapshot(before), snapshot(after));
		if (!sharedChanges.isEmpty() && result.equals(partyId)) {
			// every holder reads this entry: it says what changed in the facts they all show
			audit.record(AuditEntry.of(PartyHistory.SHARED_UPDATE)
				.entity("Party", result)
				.org(members.callerOrgId())
				.changes(sharedChanges));
		}
		if (!java.util.Objects.equals(before.phoneMasked(), after.phoneMasked())) {
			audit.record(AuditEntry.of(AuditAction.UPDATE)
				.entity("Party", result)
				.org(members.callerOrgId())
				.changes(Map.of("phone", new Change(before.phoneMasked(), after.phoneMasked()))));
		}
		return new Outcome(result, proposal);
	}

	/**
	 * A party outside the caller's subtree that already has the new credit code or identity
	 * number. One inside it is a real conflict, said as such: the caller sees both.
	 */
	private java.util.Optional<Long> registeredElsewhere(PartyDetails before, PartyChanges changes) {
		java.util.Optional<Long> holder = before.kind() == PartyKind.ENTERPRISE
				? jdbc.sql("select id from party where credit_code = :code and status = 'ACTIVE' and id <> :id")
					.param("code", changes.creditCode().trim().toUpperCase())
					.param("id", before.id())
					.query(Long.class)
					.optional()
				: changes.idNumber() == null || changes.idNumber().isBlank() ? java.util.Optional.empty()
						: jdbc.sql("select id from party where id_number_hash = :hash and status = 'ACTIVE' and id <> :id")
							.param("hash", PersonalValues.identityNumber(personalData, changes.idNumber()).hash())
							.param("id", before.id())
							.query(Long.class)
							.optional();
		if (holder.isPresent() && members.find(holder.get()).isPresent()) {
			throw new RuleViolationException(before.kind() == PartyKind.ENTERPRISE ? "creditCode" : "idNumber",
					"member.keyTaken");
		}
		return holder;
	}

	private void writeShared(Long partyId, PartyDetails before, PartyChanges changes) {
		PersonalValues id = PersonalValues.identityNumber(personalData, changes.idNumber());
		boolean enterprise = before.kind() == PartyKind.ENTERPRISE;
		boolean person = before.kind() == PartyKind.PERSON;
		int updated;
		try {
			updated = jdbc.sql("""
					update party set name = :name, name_key = :nameKey, credit_code = :creditCode,
					       enterprise_kind = :enterpriseKind, legal_representative = :legal, industry_code = :industry,
					       size_class = :size, employees = :employees, region_code = :region, out_of_town = :outOfTown,
					       high_tech = :highTech, gender = :gender, party_member = :partyMember,
					       public_roles = :publicRoles,
					       id_number_cipher = coalesce(:idCipher, id_number_cipher),
					       id_number_hash = coalesce(:idHash, id_number_hash),
					       id_number_masked = coalesce(:idMasked, id_number_masked),
					       version = version + 1
					where id = :id and version = :version and kind <> 'GROUP'
					""")
				.param("id", partyId)
				.param("version", before.version())
				.param("name", changes.name().trim())
				.param("nameKey", PartyNames.key(changes.name()))
				.param("creditCode", enterprise ? changes.creditCode().trim().toUpperCase() : null)
				.param("enterpriseKind", enterprise ? changes.enterpriseKind().name() : null)
				.param("legal", MemberRegistration.blankToNull(changes.legalRepresentative()))
				.param("industry", MemberRegistration.blankToNull(changes.industryCode()))
				.param("size", changes.sizeClass() == null ? null : changes.sizeClass().name())
				.param("employees", changes.employees())
				.param("region", MemberRegistration.blankToNull(changes.regionCode()))
				.param("outOfTown", Boolean.TRUE.equals(changes.outOfTown()))
				.param("highTech", Boolean.TRUE.equals(changes.highTech()))
				.param("gender", person && changes.gender() != null ? changes.gender().name() : null)
				.param("partyMember", Boolean.TRUE.equals(changes.partyMember()))
				.param("publicRoles", person ? MemberRegistration.blankToNull(changes.publicRoles()) : null)
				.param("idCipher", person ? id.cipher() : null)
				.param("idHash", person ? id.hash() : null)
				.param("idMasked", person ? id.masked() : null)
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw new RuleViolationException(enterprise ? "creditCode" : "idNumber", "member.keyTaken");
		}
		if (updated == 0) {
			throw new RuleViolationException("name", "member.staleVersion");
		}
	}

	/** A typed identity number replaces the stored one (blank keeps it): a change of a shared fact. */
	private boolean newIdentityNumber(PartyDetails before, PartyChanges changes) {
		if (before.kind() != PartyKind.PERSON || changes.idNumber() == null || changes.idNumber().isBlank()) {
			return false;
		}
		byte[] typed = PersonalValues.identityNumber(personalData, changes.idNumber()).hash();
		byte[] stored = jdbc.sql("select id_number_hash from party where id = :id").param("id", before.id())
			.query(byte[].class).optional().orElse(null);
		return !java.util.Arrays.equals(typed, stored);
	}

	static Map<String, Object> snapshot(PartyDetails party) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", party.name());
		values.put("creditCode", party.creditCode());
		values.put("enterpriseKind", party.enterpriseKind() == null ? null : party.enterpriseKind().name());
		values.put("legalRepresentative", party.legalRepresentative());
		values.put("industryCode", party.industryCode());
		values.put("sizeClass", party.sizeClass() == null ? null : party.sizeClass().name());
		values.put("employees", party.employees());
		values.put("regionCode", party.regionCode());
		values.put("outOfTown", party.outOfTown());
		values.put("highTech", party.highTech());
		values.put("gender", party.gender() == null ? null : party.gender().name());
		values.put("idNumber", party.idNumberMasked());
		values.put("partyMember", party.partyMember());
		values.put("publicRoles", party.publicRoles());
		return values;
	}

}
