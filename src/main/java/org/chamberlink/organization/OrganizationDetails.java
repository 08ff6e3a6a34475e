package org.chamberlink.organization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole organisation record, as its detail page and edit form show it.
 *
 * @param originRegionCode of an out-of-town chamber (异地商会): the home area whose people formed it
 * (来源地); {@code regionCode} is where it sits, which may lie outside its parent's region (decision 31)
 * @param acceptsJoinApplications whether its public join page takes applications
 */
public record OrganizationDetails(Long id, OrganizationType type, String level, ChamberKind chamberKind, String name,
		String shortName, String regionCode, String originRegionCode, Long parentId, String path, LocalDate foundedOn, boolean registered,
		LocalDate registeredOn, String registrationCode, String unregisteredReason, String partyOrganisation,
		Integer partyStarRating, String partyLiaison, boolean officeFixed, BigDecimal officeArea, int fulltimeStaff,
		String website, String periodical, boolean hasStaff, boolean hasOffice, boolean hasFunds,
		boolean hasEquipment, boolean hasDuties, String incomeBand, boolean acceptsJoinApplications, String status,
		long version) {

	/** The editable fields by name, for the audit log's before/after. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("shortName", shortName);
		values.put("regionCode", regionCode);
		values.put("originRegionCode", originRegionCode);
		values.put("foundedOn", foundedOn == null ? null : foundedOn.toString());
		values.put("registered", registered);
		values.put("registeredOn", registeredOn == null ? null : registeredOn.toString());
		values.put("registrationCode", registrationCode);
		values.put("unregisteredReason", unregisteredReason);
		values.put("partyOrganisation", partyOrganisation);
		values.put("partyStarRating", partyStarRating);
		values.put("partyLiaison", partyLiaison);
		values.put("officeFixed", officeFixed);
		values.put("officeArea", officeArea == null ? null : officeArea.stripTrailingZeros().toPlainString());
		values.put("fulltimeStaff", fulltimeStaff);
		values.put("website", website);
		values.put("periodical", periodical);
		values.put("hasStaff", hasStaff);
		values.put("hasOffice", hasOffice);
		values.put("hasFunds", hasFunds);
		values.put("hasEquipment", hasEquipment);
		values.put("hasDuties", hasDuties);
		values.put("incomeBand", incomeBand);
		values.put("acceptsJoinApplications", acceptsJoinApplications);
		values.values().removeIf(java.util.Objects::isNull);
		return values;
	}

}
