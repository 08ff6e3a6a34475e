package org.chamberlink.disclosure;

/** Where income is computed from: the dues ledger or the donation ledger. */
public enum IncomeSource {
	DUES, DONATION
}
