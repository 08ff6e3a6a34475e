/**
 * Casework (服务): members' needs (需求清单), rights-protection complaints (维权投诉) and commercial
 * mediation (商会调解) in one lifecycle with an insert-only trail, transfers between
 * organisations that the receiving side accepts, time limits in working days, satisfaction and
 * one reopening; visits (走访) with a quarterly plan. Publishes {@link CaseResolved},
 * {@link CaseReopened} and {@link VisitCompleted} for the modules that count what was done.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework", allowedDependencies = { "shared", "member", "organization", "notification", "identity", "audit", "web" })
package org.chamberlink.casework;
