package org.chamberlink.benefit;

/**
 * Benefit figures of a subtree: members whose card is valid today (dues in good standing) of the
 * members holding a current membership, merchants in force today, and uses in the period.
 */
public record BenefitTotals(Long orgId, String orgName, long cardsValid, long members, long merchants, long uses) {
}
