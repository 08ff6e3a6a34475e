package org.chamberlink.member;

/**
 * A party that shares a phone, or a normalised name within one region, with another party.
 *
 * @param reason {@code PHONE} or {@code NAME}
 * @param groupKey parties with the same reason and key are one group of likely duplicates
 */
public record DuplicateCandidate(String reason, String groupKey, Long id, PartyKind kind, String name,
		String creditCode, String regionCode, String phoneMasked, String idNumberMasked, long memberships) {
}
