package org.chamberlink.benefit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's card as the portal shows it: name, organisations, member since, whether it is valid
 * now (dues in good standing) and a freshly signed code for its QR code.
 */
public record MemberCard(Long partyId, String name, List<String> organisations, LocalDate memberSince, boolean valid,
		String code, Instant expiresAt) {
}
