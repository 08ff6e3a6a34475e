package org.chamberlink.organization;

/**
 * An organisation was registered into the tree (by hand or by a chamber import); published in the
 * registering transaction.
 *
 * @param parentId the organisation above it, null for a root
 */
public record OrganizationRegistered(Long orgId, String orgPath, Long parentId, OrganizationType type,
		ChamberKind chamberKind, String regionCode, String name) {
}
