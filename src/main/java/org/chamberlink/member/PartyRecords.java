package org.chamberlink.member;

import java.util.Arrays;
import java.util.Optional;

import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a party's shared facts once {@link PartyUpdates} has checked the change: one versioned
 * update (a change made meanwhile updates nothing); and reads from the stored row what the check
 * compares a change with.
 */
@Component
class PartyRecords {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	PartyRecords(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/**
	 * Another active party that has the typed credit code (an enterprise, an outside body) or identity
	 * number (a person).
	 */
	Optional<Long> holderOfKey(PartyDetails before, PartyChanges changes) {
		if (before.kind() != PartyKind.PERSON) {
			return jdbc.sql("select id from party where credit_code = :code and status = 'ACTIVE' and id <> :id")
				.param("code", changes.creditCode().trim().toUpperCase())
				.param("id", before.id())
				.query(Long.class)
				.optional();
		}
		return changes.idNumber() == null || changes.idNumber().isBlank() ? Optional.empty()
				: jdbc.sql("select id from party where id_number_hash = :hash and status = 'ACTIVE' and id <> :id")
					.param("hash", PersonalValues.identityNumber(personalData, changes.idNumber()).hash())
					.param("id", before.id())
					.query(Long.class)
					.optional();
	}

	/** A typed identity number replaces the stored one (blank keeps it): a change of a shared fact. */
	boolean newIdentityNumber(PartyDetails before, PartyChanges changes) {
		if (before.kind() != PartyKind.PERSON || changes.idNumber() == null || changes.idNumber().isBlank()) {
			return false;
		}
		byte[] typed = PersonalValues.identityNumber(personalData, changes.idNumber()).hash();
		byte[] stored = jdbc.sql("select id_number_hash from party where id = :id").param("id", before.id())
			.query(byte[].class).optional().orElse(null);
		return !Arrays.equals(typed, stored);
	}

	void writeShared(Long partyId, PartyDetails before, PartyChanges changes) {
		PersonalValues id = PersonalValues.identityNumber(personalData, changes.idNumber());
		boolean enterprise = before.kind() == PartyKind.ENTERPRISE;
		boolean person = before.kind() == PartyKind.PERSON;
		boolean coded = before.kind() != PartyKind.PERSON;
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
					where id = :id and version = :version and group_org_id is null
					""")
				.param("id", partyId)
				.param("version", before.version())
				.param("name", changes.name().trim())
				.param("nameKey", PartyNames.key(changes.name()))
				.param("creditCode", coded ? changes.creditCode().trim().toUpperCase() : null)
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
			throw new RuleViolationException(coded ? "creditCode" : "idNumber", "member.keyTaken");
		}
		if (updated == 0) {
			throw new RuleViolationException("name", "member.staleVersion");
		}
	}

}
