package org.chamberlink.honour;

import java.time.LocalDate;

/** One honour on an organisation's public roll: what the certificate shows, without its number. */
public record PublicRollEntry(String programmeName, HonourLevel level, int cycle, String awardeeName, String awardeeOrgName,
		String awardingOrgName, LocalDate awardedOn) {
}
