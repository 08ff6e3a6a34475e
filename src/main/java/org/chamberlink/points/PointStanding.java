package org.chamberlink.points;

import java.util.List;

/**
 * An organisation's points of a year, its rank within each federation above it (among the
 * organisations of its level there), what each rule gave, and one page of the entries that make
 * them up (newest first: a busy chamber has thousands a year).
 */
public record PointStanding(Long orgId, String orgName, PointLevel level, int year, long points, List<Rank> ranks,
		List<ByRule> byRule, List<PointEntryView> entries, int page, long entryCount) {

	/** Entries shown per page. */
	public static final int PAGE_SIZE = 50;

	/** What one rule gave the organisation this year, net of reversals. */
	public record ByRule(Long ruleId, String ruleName, PointCategory category, long entries, long points) {
	}

	public int pages() {
		return (int) Math.max(1, (entryCount + PAGE_SIZE - 1) / PAGE_SIZE);
	}

	/** Rank {@code rank} of {@code of} within {@code withinName}'s subtree. */
	public record Rank(Long withinId, String withinName, long rank, long of) {
	}

}
