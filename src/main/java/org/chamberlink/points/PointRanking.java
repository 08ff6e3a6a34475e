package org.chamberlink.points;

import java.util.List;

/**
 * One page of a year's ranking of the organisations of one level within a node's subtree: rank
 * (ties share a rank), points, entries. {@code total} organisations have points.
 */
public record PointRanking(Long nodeId, String nodeName, int year, PointLevel level, List<Row> rows, long total, int page,
		int pageSize) {

	public record Row(long rank, Long orgId, String orgName, long points, int entries) {
	}

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
