package org.chamberlink.casework;

/** How a case was resolved: the outcome, for a complaint the amount recovered (yuan), for a mediation the agreement's terms. */
public record ResolveForm(String outcome, String amountRecovered, String agreementTerms) {
}
