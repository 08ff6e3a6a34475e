package org.chamberlink.points;

import java.time.Instant;

/** A rule as pages and the API show it; {@code yearlyCap} null means no cap. */
public record PointRule(Long id, Long organiserId, String organiserPath, String name, PointCategory category,
		PointAction action, int points, Integer yearlyCap, PointLevel appliesTo, boolean active, Instant createdAt,
		long version) {
}
