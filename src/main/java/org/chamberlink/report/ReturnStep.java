package org.chamberlink.report;

import java.time.Instant;

/** One step of a return's course: opened, submitted, returned (with the reason), accepted. */
public record ReturnStep(String action, String reason, Instant at) {
}
