package org.chamberlink.dues;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A payment as entered: the amount in yuan, the day it arrived, how, and the transfer's reference. */
public record PaymentForm(String amount, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
		PaymentMethod method, String reference, String note) {
}
