package org.chamberlink.honour;

/** A member who may be picked for a nomination: the membership, name and organisation. */
public record MemberChoice(Long membershipId, Long partyId, String partyName, Long orgId) {
}
