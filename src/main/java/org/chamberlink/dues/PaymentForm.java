package org.chamberlink.dues;

import java.time.LocalDate;

/** A payment as entered: the amount in yuan, the day it arrived, how, and the transfer's reference. */
public record PaymentForm(String amount, LocalDate paidOn, PaymentMethod method, String reference, String note) {
}
