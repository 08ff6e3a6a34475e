package org.chamberlink.audit;

import java.util.Map;

/**
 * What to write to the audit log. The actor, address and request id are taken from the current
 * request unless {@link #actor} is given (e.g. a failed login, where nobody is signed in yet).
 */
public record AuditEntry(String action, String entityType, String entityId, Long orgId, String summary,
		Map<String, Change> changes, String actor) {

	public static AuditEntry of(String action) {
		return new AuditEntry(action, null, null, null, null, Map.of(), null);
	}

	public AuditEntry entity(String type, Object id) {
		return new AuditEntry(action, type, id == null ? null : id.toString(), orgId, summary, changes, actor);
	}

	public AuditEntry org(Long id) {
		return new AuditEntry(action, entityType, entityId, id, summary, changes, actor);
	}

	public AuditEntry summary(String text) {
		return new AuditEntry(action, entityType, entityId, orgId, text, changes, actor);
	}

	public AuditEntry changes(Map<String, Change> values) {
		return new AuditEntry(action, entityType, entityId, orgId, summary, Map.copyOf(values), actor);
	}

	public AuditEntry by(String name) {
		return new AuditEntry(action, entityType, entityId, orgId, summary, changes, name);
	}

}
