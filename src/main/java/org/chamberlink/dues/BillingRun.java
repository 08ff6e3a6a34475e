package org.chamberlink.dues;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.chamberlink.shared.ChinaTime;

/** A billing job: what it was asked to bill and, once done, what it did. */
public record BillingRun(Long id, Long orgId, String orgName, int year, boolean subtree, String status,
		Integer billsCreated, Integer alreadyBilled, Integer withoutSchedule, Long millis, String error,
		String requestedBy, OffsetDateTime requestedAt) {

	/** The run under its organisation's name. */
	BillingRun named(String orgName) {
		return new BillingRun(id, orgId, orgName, year, subtree, status, billsCreated, alreadyBilled, withoutSchedule,
				millis, error, requestedBy, requestedAt);
	}

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}

	public LocalDateTime requestedInChina() {
		return ChinaTime.of(requestedAt);
	}

}
