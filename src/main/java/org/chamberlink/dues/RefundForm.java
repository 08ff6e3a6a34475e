package org.chamberlink.dues;

/** Paying back (part of) a member's credit: the amount in yuan, how, the transfer's reference, why. */
public record RefundForm(String amount, PaymentMethod method, String reference, String reason) {
}
