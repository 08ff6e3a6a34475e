package org.chamberlink.welfare;

import java.time.LocalDate;

/**
 * A donation was received against a pledge (a numbered receipt; a correction has negative amounts):
 * for the points ledger, which credits the donor.
 *
 * @param donorPartyId the member who gave, or null
 * @param donorOrgId the organisation that gave, or null
 * @param correctsId the receipt this one corrects (its amounts negated), or null
 */
public record DonationReceived(Long receiptId, String number, Long campaignId, Long orgId, String orgPath, Long donorPartyId,
		Long donorOrgId, long moneyFen, long goodsFen, LocalDate receivedOn, Long correctsId) {
}
