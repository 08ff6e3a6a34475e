package org.chamberlink.audit;

import java.util.Map;

/**
 * What to write to the audit log. The actor, address and request id are taken from the current
 * request unless {@link #actor} is given (e.g. a failed login, where nobody is signed in yet).
 * The summary is either what the user typed or named ({@link #summary(String)}), or words from the
 * message bundles with their values ({@link #summary(String, Object...)}), written in the
 * installation's language when the entry is recorded: the log is a record, read as it was written.
 */
public record AuditEntry(String action, String entityType, String entityId, Long orgId, String summary,
		Map<String, Change> changes, String actor, String summaryKey, Object[] summaryArgs) {

	public static AuditEntry of(String action) {
		return new AuditEntry(action, null, null, null, null, Map.of(), null, null, null);
	}

	/** A summary in words from the bundles ({@code audit.summary.*}), with its values. */
	public AuditEntry summary(String key, Object... args) {
		return new AuditEntry(action, entityType, entityId, orgId, null, changes, actor, key, args.clone());
	}

	public AuditEntry entity(String type, Object id) {
		return new AuditEntry(action, type, id == null ? null : id.toString(), orgId, summary, changes, actor, summaryKey, summaryArgs);
	}

	public AuditEntry org(Long id) {
		return new AuditEntry(action, entityType, entityId, id, summary, changes, actor, summaryKey, summaryArgs);
	}

	public AuditEntry summary(String text) {
		return new AuditEntry(action, entityType, entityId, orgId, text, changes, actor, null, null);
	}

	public AuditEntry changes(Map<String, Change> values) {
		return new AuditEntry(action, entityType, entityId, orgId, summary, Map.copyOf(values), actor, summaryKey, summaryArgs);
	}

	public AuditEntry by(String name) {
		return new AuditEntry(action, entityType, entityId, orgId, summary, changes, name, summaryKey, summaryArgs);
	}

}
