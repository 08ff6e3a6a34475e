package org.chamberlink.dues;

/** A waiver (减免) as entered: the amount in yuan (blank: all that is outstanding), why, and who approved it. */
public record WaiverForm(String amount, String reason, String approver) {
}
