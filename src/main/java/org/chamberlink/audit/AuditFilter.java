package org.chamberlink.audit;

import java.time.LocalDate;

import org.springframework.util.StringUtils;

/** Filters of the audit log page and API; every field is optional. */
public record AuditFilter(String actor, String action, String entityType, String entityId, LocalDate from,
		LocalDate to) {

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}

	boolean has(String value) {
		return StringUtils.hasText(value);
	}

}
