package org.chamberlink.member;

/**
 * What an import did.
 *
 * @param written whether anything was written (false: errors, and the user did not choose to import the good rows)
 * @param skippedRows the bad rows' numbers, when the good rows were imported without them
 * @param message a summary in the user's language
 */
record ImportOutcome(int partiesCreated, int membershipsAdded, int unchanged, int errorRows, boolean written,
		String skippedRows, String message) {
}
