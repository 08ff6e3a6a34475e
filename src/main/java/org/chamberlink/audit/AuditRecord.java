package org.chamberlink.audit;

import java.time.OffsetDateTime;

/** One row of the audit log as shown to administrators; {@code changes} is the JSON as stored. */
public record AuditRecord(long id, OffsetDateTime occurredAt, String actor, String remoteAddr, String requestId,
		String action, String entityType, String entityId, Long orgId, String summary, String changes) {
}
