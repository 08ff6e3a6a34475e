/**
 * Dues (会费): what each role pays per organisation and year, yearly billing as a background job,
 * an insert-only ledger of payments, waivers, corrections and refunds with receipts numbered per
 * organisation, standing derived from the dated bills, arrears, reminders through the
 * notification outbox, and collection figures rolled up any subtree. Every read is scoped through
 * the bill's copy of its organisation's path. Publishes {@link PaymentRecorded},
 * {@link PaymentReversed} and {@link DuesCollected}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dues", allowedDependencies = { "shared", "member", "organization", "notification", "identity", "audit", "web" })
package org.chamberlink.dues;
