package org.chamberlink.activity;

/** A registration: holding a seat, waiting for one, or withdrawn. */
public enum AttendeeStatus {
	REGISTERED, WAITLISTED, CANCELLED
}
