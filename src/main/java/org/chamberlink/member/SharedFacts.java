package org.chamberlink.member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The facts of a party that every organisation holding it shows (decision 0019): an enterprise's
 * registry facts, a person's identity. Contacts are not among them: each holder keeps its own.
 */
final class SharedFacts {

	private SharedFacts() {
	}

	/** The first shared fact a change would alter (a field name), or null when it alters none. */
	static String firstChanged(PartyDetails before, PartyChanges changes) {
		Map<String, Object> stored = shared(before);
		Map<String, Object> changed = shared(changes, before);
		return stored.keySet()
			.stream()
			.filter(key -> !Objects.equals(stored.get(key), changed.get(key)))
			.findFirst()
			.orElse(null);
	}

	/** The change without contacts: what a proposal carries to the federation that decides it. */
	static PartyChanges withoutContacts(PartyChanges changes, long version) {
		return new PartyChanges(changes.name(), changes.creditCode(), changes.enterpriseKind(),
				changes.legalRepresentative(), changes.industryCode(), changes.sizeClass(), changes.employees(),
				changes.regionCode(), changes.outOfTown(), changes.highTech(), changes.gender(), changes.idNumber(), "",
				false, changes.partyMember(), changes.publicRoles(), version);
	}

	/** The shared facts as stored, in the form a change would write them. */
	static Map<String, Object> shared(PartyDetails party) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", party.name());
		values.put("creditCode", party.creditCode());
		values.put("enterpriseKind", party.enterpriseKind());
		values.put("legalRepresentative", party.legalRepresentative());
		values.put("industryCode", party.industryCode());
		values.put("sizeClass", party.sizeClass());
		values.put("employees", party.employees());
		values.put("regionCode", party.regionCode());
		values.put("outOfTown", party.outOfTown());
		values.put("highTech", party.highTech());
		values.put("gender", party.gender());
		values.put("partyMember", party.partyMember());
		values.put("publicRoles", party.publicRoles());
		return values;
	}

	static Map<String, Object> shared(PartyChanges changes, PartyDetails before) {
		boolean enterprise = before.kind() == PartyKind.ENTERPRISE;
		boolean person = before.kind() == PartyKind.PERSON;
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", changes.name().trim());
		// an outside body's credit code is its key as an enterprise's is (decision 31)
		values.put("creditCode", !person ? changes.creditCode().trim().toUpperCase() : null);
		values.put("enterpriseKind", enterprise ? changes.enterpriseKind() : null);
		values.put("legalRepresentative", MemberRegistration.blankToNull(changes.legalRepresentative()));
		values.put("industryCode", MemberRegistration.blankToNull(changes.industryCode()));
		values.put("sizeClass", changes.sizeClass());
		values.put("employees", changes.employees());
		values.put("regionCode", MemberRegistration.blankToNull(changes.regionCode()));
		values.put("outOfTown", Boolean.TRUE.equals(changes.outOfTown()));
		values.put("highTech", Boolean.TRUE.equals(changes.highTech()));
		values.put("gender", person ? changes.gender() : null);
		values.put("partyMember", Boolean.TRUE.equals(changes.partyMember()));
		values.put("publicRoles", person ? MemberRegistration.blankToNull(changes.publicRoles()) : null);
		return values;
	}

	/** The shared facts as the audit records them: codes by name, and the identity number (masked). */
	static Map<String, Object> audited(PartyDetails party) {
		Map<String, Object> values = new LinkedHashMap<>();
		shared(party).forEach((field, value) -> {
			if (field.equals("partyMember")) {
				values.put("idNumber", party.idNumberMasked()); // where the history has always listed it
			}
			values.put(field, value instanceof Enum<?> code ? code.name() : value);
		});
		return values;
	}

}
