package org.chamberlink.activity;

import java.time.Instant;
import java.util.List;

/**
 * An activity's minutes (会议纪要). For a governance meeting: {@code eligible} who may attend,
 * {@code present} of them checked in, and whether the quorum held; for other activities
 * {@code eligible} and {@code quorumMet} are null and {@code present} is everyone checked in.
 */
public record Minutes(Long activityId, String summary, Integer eligible, int present, Boolean quorumMet, List<Resolution> resolutions,
		Instant recordedAt, long version) {
}
