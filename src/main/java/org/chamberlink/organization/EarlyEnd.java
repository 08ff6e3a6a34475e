package org.chamberlink.organization;

import java.time.LocalDate;

/** A term ended before its time: the day it ended and why (辞职, 调任, 去世…). */
public record EarlyEnd(LocalDate endsOn, String reason) {
}
