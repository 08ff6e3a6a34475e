package org.chamberlink.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A federation, association or chamber to register under a parent organisation.
 *
 * @param level for federations and associations: PROVINCE, CITY or COUNTY
 * @param chamberKind for chambers: which of the five kinds
 * @param registrationCode the social organisation's unified social credit code (starts with 5)
 * @param originRegionCode for an out-of-town chamber (异地商会): the home area whose people formed it
 * (来源地). Required when the chamber sits outside its parent's region, and then inside the parent's
 * region; none for other organisations (decision 31)
 */
public record NewOrganization(@NotNull OrganizationType type, String level, ChamberKind chamberKind,
		@NotBlank @Size(max = 200) String name, @NotBlank String regionCode, Long parentId, @PastOrPresent LocalDate foundedOn,
		Boolean registered, String registrationCode, String partyOrganisation, String originRegionCode) {

	/** An organisation with no origin region (anything but an out-of-town chamber elsewhere). */
	NewOrganization(OrganizationType type, String level, ChamberKind chamberKind, String name, String regionCode,
			Long parentId, LocalDate foundedOn, Boolean registered, String registrationCode, String partyOrganisation) {
		this(type, level, chamberKind, name, regionCode, parentId, foundedOn, registered, registrationCode,
				partyOrganisation, null);
	}

}
