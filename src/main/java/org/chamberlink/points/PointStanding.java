package org.chamberlink.points;

import java.util.List;

/**
 * An organisation's points of a year, its rank within each federation above it (among the
 * organisations of its level there) and the entries that make them up.
 */
public record PointStanding(Long orgId, String orgName, PointLevel level, int year, long points, List<Rank> ranks,
		List<PointEntryView> entries) {

	/** Rank {@code rank} of {@code of} within {@code withinName}'s subtree. */
	public record Rank(Long withinId, String withinName, long rank, long of) {
	}

}
