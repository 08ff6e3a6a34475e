/**
 * The append-only audit log: who did what, when, from where, to which record, with before and
 * after values. Other modules write to it through {@link org.chamberlink.audit.AuditTrail} inside
 * their own transaction, so a change and its audit row commit or roll back together.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "web" })
package org.chamberlink.audit;
