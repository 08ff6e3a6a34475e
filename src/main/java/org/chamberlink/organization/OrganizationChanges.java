package org.chamberlink.organization;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable part of an organisation record. {@code version} is the one the editor saw: if
 * someone saved in between, the change is refused rather than silently overwriting theirs.
 *
 * @param regionCode changeable only by an account of an organisation above this one
 * @param parentId optional; when given it must be the current parent (organisations are not moved
 * between parents), so a client may send back the record it read
 * @param acceptsJoinApplications whether the public join page takes applications; null keeps it
 * @param originRegionCode of an out-of-town chamber: the home area whose people formed it (decision 31);
 * changeable, like the region, only by an account of an organisation above; null keeps it, blank clears it
 */
public record OrganizationChanges(@NotBlank @Size(max = 200) String name, @Size(max = 100) String shortName,
		@NotBlank String regionCode, Long parentId, @PastOrPresent LocalDate foundedOn, Boolean registered, @PastOrPresent LocalDate registeredOn,
		@Size(max = 18) String registrationCode, @Size(max = 200) String unregisteredReason,
		String partyOrganisation, @Min(1) @Max(5) Integer partyStarRating, @Size(max = 100) String partyLiaison,
		Boolean officeFixed, @DecimalMin("0") @DecimalMax("99999999.99") BigDecimal officeArea, @Min(0) Integer fulltimeStaff,
		@Size(max = 200) String website, @Size(max = 100) String periodical, Boolean hasStaff, Boolean hasOffice,
		Boolean hasFunds, Boolean hasEquipment, Boolean hasDuties, @Size(max = 16) String incomeBand,
		Boolean acceptsJoinApplications, @NotNull Long version, @Size(max = 12) String originRegionCode) {

	/** A change that keeps the origin region. */
	OrganizationChanges(String name, String shortName, String regionCode, Long parentId, LocalDate foundedOn,
			Boolean registered, LocalDate registeredOn, String registrationCode, String unregisteredReason,
			String partyOrganisation, Integer partyStarRating, String partyLiaison, Boolean officeFixed,
			BigDecimal officeArea, Integer fulltimeStaff, String website, String periodical, Boolean hasStaff,
			Boolean hasOffice, Boolean hasFunds, Boolean hasEquipment, Boolean hasDuties, String incomeBand,
			Boolean acceptsJoinApplications, Long version) {
		this(name, shortName, regionCode, parentId, foundedOn, registered, registeredOn, registrationCode,
				unregisteredReason, partyOrganisation, partyStarRating, partyLiaison, officeFixed, officeArea,
				fulltimeStaff, website, periodical, hasStaff, hasOffice, hasFunds, hasEquipment, hasDuties, incomeBand,
				acceptsJoinApplications, version, null);
	}

	public static OrganizationChanges of(OrganizationDetails d) {
		return new OrganizationChanges(d.name(), d.shortName(), d.regionCode(), d.parentId(), d.foundedOn(), d.registered(),
				d.registeredOn(), d.registrationCode(), d.unregisteredReason(), d.partyOrganisation(),
				d.partyStarRating(), d.partyLiaison(), d.officeFixed(), d.officeArea(), d.fulltimeStaff(), d.website(),
				d.periodical(), d.hasStaff(), d.hasOffice(), d.hasFunds(), d.hasEquipment(), d.hasDuties(),
				d.incomeBand(), d.acceptsJoinApplications(), d.version(), d.originRegionCode());
	}

}
