package org.chamberlink.organization;

/** An organisation as lists and other modules see it. */
public record OrganizationSummary(Long id, OrganizationType type, String level, ChamberKind chamberKind, String name,
		String regionCode, Long parentId, String path, boolean registered, String partyOrganisation, String status) {
}
