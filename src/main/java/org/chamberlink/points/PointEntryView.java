package org.chamberlink.points;

import java.time.Instant;

/**
 * One ledger entry with the rule behind it: why an organisation has its points. A reversal names
 * the award it takes back; {@code sourceType} and {@code sourceId} name the record (a case, visit,
 * activity, dues payment or claim).
 */
public record PointEntryView(Long id, Long ruleId, String ruleName, PointCategory category, int points, String kind,
		String sourceType, Long sourceId, Instant occurredAt, Long reversesEntryId, boolean backFilled, Instant recordedAt) {

	/** The China date it happened (a reversal: when it was undone). */
	public java.time.LocalDate occurredOn() {
		return org.chamberlink.shared.ChinaTime.of(occurredAt).toLocalDate();
	}

	public boolean reversal() {
		return "REVERSAL".equals(kind);
	}

}
