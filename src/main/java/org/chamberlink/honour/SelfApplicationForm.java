package org.chamberlink.honour;

/** A member's own application as typed in the portal: for which programme and level, from which membership, why and with what evidence. */
public record SelfApplicationForm(Long programmeId, HonourLevel level, Long membershipId, String reasons, String evidence) {
}
