package org.chamberlink.dues;

/** The kinds of ledger entry; entries are never changed, a correction or refund is a new one. */
public enum EntryKind {

	PAYMENT, WAIVER, CORRECTION, REFUND, CREDIT_USE

}
