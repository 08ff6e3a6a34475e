/**
 * Notifications: a transactional outbox for mail and SMS. A module writes a message in the same
 * transaction as the event that causes it; a worker sends it afterwards, retrying with back-off,
 * and a de-duplication key makes sure one reminder is never queued twice. Recipients can opt out
 * per topic.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "shared", "identity", "privacy", "web" })
package org.chamberlink.notification;
