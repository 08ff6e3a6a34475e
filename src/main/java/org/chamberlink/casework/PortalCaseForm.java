package org.chamberlink.casework;

/**
 * A need or complaint as a member files it in the portal, to one of the organisations they belong
 * to. {@code submissionKey} is made when the form is drawn: the same key sent twice (a double tap,
 * a resend after a lost answer) files one case.
 */
public record PortalCaseForm(CaseKind kind, CaseCategory category, Long orgId, String title, String description,
		String respondentName, String amountInvolved, java.util.UUID submissionKey) {

	/** An empty form of that kind, with a fresh key. */
	public static PortalCaseForm blank(CaseKind kind) {
		return new PortalCaseForm(kind, null, null, null, null, null, null, java.util.UUID.randomUUID());
	}

}
