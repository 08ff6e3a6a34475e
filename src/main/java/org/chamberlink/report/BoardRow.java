package org.chamberlink.report;

import java.time.Instant;

/** One organisation directly below on a level's progress board. */
public record BoardRow(Long orgId, String orgName, Long returnId, ReturnStatus status, Instant submittedAt) {
}
