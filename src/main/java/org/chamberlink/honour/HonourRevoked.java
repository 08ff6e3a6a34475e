package org.chamberlink.honour;

/** An award was revoked with a reason: the points ledger takes back what it counted. */
public record HonourRevoked(Long awardId, Long programmeId, HonourLevel level, Long membershipId, Long partyId, String reason) {
}
