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
 */
public record NewOrganization(@NotNull OrganizationType type, String level, ChamberKind chamberKind,
		@NotBlank @Size(max = 200) String name, @NotBlank String regionCode, Long parentId, @PastOrPresent LocalDate foundedOn,
		Boolean registered, String registrationCode, String partyOrganisation) {
}
