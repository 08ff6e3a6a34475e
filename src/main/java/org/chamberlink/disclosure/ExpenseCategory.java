package org.chamberlink.disclosure;

/** What an expense was for (words in the bundles: disclosure.expense.*). */
public enum ExpenseCategory {
	OFFICE, ACTIVITIES, STAFF, PARTY, WELFARE, OTHER
}
