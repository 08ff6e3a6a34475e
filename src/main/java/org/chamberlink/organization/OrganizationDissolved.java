package org.chamberlink.organization;

import java.time.Instant;

/**
 * An organisation was dissolved (注销; a status, its records stay); published in that
 * transaction. Its memberships are not ended by it.
 */
public record OrganizationDissolved(Long orgId, String orgPath, Long parentId, OrganizationType type,
		Instant dissolvedAt) {
}
