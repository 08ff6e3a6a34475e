package org.chamberlink.honour;

/** A member's own application (a self-applied nomination) as the portal shows it. */
public record OwnApplication(Long id, String programmeName, HonourLevel level, NominationStatus status, String statusReason) {
}
