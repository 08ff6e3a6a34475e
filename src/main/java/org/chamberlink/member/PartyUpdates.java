package org.chamberlink.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.web.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a party's own data (name, codes, industry, region, identity number, phone …), checked
 * by the same rules as a new member and audited with before and after.
 */
@Service
public class PartyUpdates {

	private final Members members;

	private final MemberRules rules;

	private final PersonalData personalData;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	PartyUpdates(Members members, MemberRules rules, PersonalData personalData, JdbcClient jdbc, AuditTrail audit) {
		this.members = members;
		this.rules = rules;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public void update(Long partyId, PartyChanges changes) {
		PartyDetails before = members.get(partyId);
		List<FieldProblem> problems = rules.check(changes.asNewMember(before.kind()), OrganizationType.FEDERATION)
			.stream()
			.filter(problem -> !problem.field().equals("orgId") && !problem.field().equals("groupOrgId"))
			.toList();
		if (!problems.isEmpty()) {
			throw problems.get(0).toException();
		}
		PersonalValues id = PersonalValues.identityNumber(personalData, changes.idNumber());
		PersonalValues phone = PersonalValues.phone(personalData, changes.phone());
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
					       phone_cipher = case when :clearPhone then null else coalesce(:phoneCipher, phone_cipher) end,
					       phone_hash = case when :clearPhone then null else coalesce(:phoneHash, phone_hash) end,
					       phone_masked = case when :clearPhone then null else coalesce(:phoneMasked, phone_masked) end,
					       phone_last4 = case when :clearPhone then null else coalesce(:phoneLast4, phone_last4) end,
					       version = version + 1
					where id = :id and version = :version and kind <> 'GROUP'
					""")
				.param("id", partyId)
				.param("version", changes.version() == null ? before.version() : changes.version())
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
				.param("clearPhone", Boolean.TRUE.equals(changes.clearPhone()))
				.param("phoneCipher", phone.cipher())
				.param("phoneHash", phone.hash())
				.param("phoneMasked", phone.masked())
				.param("phoneLast4", phone.last4())
				.update();
		}
		catch (DuplicateKeyException taken) {
			throw new RuleViolationException(enterprise ? "creditCode" : "idNumber", "member.keyTaken");
		}
		if (updated == 0) {
			throw new RuleViolationException("name", "member.staleVersion");
		}
		PartyDetails after = members.get(partyId);
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Party", partyId)
			.changes(Change.between(snapshot(before), snapshot(after))));
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
		values.put("phone", party.phoneMasked());
		values.put("partyMember", party.partyMember());
		values.put("publicRoles", party.publicRoles());
		return values;
	}

}
