package org.chamberlink.casework;

/**
 * What the case list shows: any combination of kind, category, state, organisation (its subtree),
 * open or overdue only, transfers waiting for the caller, and a keyword (title, member, number).
 */
public record CaseFilter(CaseKind kind, CaseCategory category, CaseState state, Long orgId, Boolean open,
		Boolean overdue, Boolean offered, String keyword) {

	public static CaseFilter all() {
		return new CaseFilter(null, null, null, null, null, null, null, null);
	}

	public String trimmedKeyword() {
		return keyword == null || keyword.isBlank() ? null : keyword.strip();
	}

}
