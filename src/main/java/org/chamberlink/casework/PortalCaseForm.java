package org.chamberlink.casework;

/** A need or complaint as a member files it in the portal, to one of the organisations they belong to. */
public record PortalCaseForm(CaseKind kind, CaseCategory category, Long orgId, String title, String description,
		String respondentName, String amountInvolved) {
}
