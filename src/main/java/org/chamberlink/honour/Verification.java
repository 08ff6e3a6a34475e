package org.chamberlink.honour;

import java.time.LocalDate;

/** What the public verification page shows: exactly what the certificate prints, and whether it still stands. */
public record Verification(String certificateNumber, String programmeName, HonourLevel level, int cycle, String awardeeName,
		String awardeeOrgName, String awardingOrgName, LocalDate awardedOn, boolean revoked, String revokeReason) {
}
