package org.chamberlink.honour;

/** A staff member who may be picked for a nomination: the account, its name and organisation. */
public record StaffChoice(Long accountId, String displayName, String orgName) {
}
