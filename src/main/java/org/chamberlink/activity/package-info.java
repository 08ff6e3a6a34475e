/**
 * Activities (活动): governance meetings, trainings, forums, exhibitions, study tours, culture and
 * sports, charity — each organised by one organisation of the tree for an audience of members;
 * registration with a waiting list that moves up, signed check-in codes, minutes whose governance
 * meetings check their quorum by the organisation's statute rule, and the yearly ledger (台帐)
 * inspectors ask for. Publishes {@link ActivityHeld} and {@link AttendanceRecorded} for the modules
 * that count what members did.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities", allowedDependencies = { "shared", "member", "organization",
		"notification", "identity", "audit", "privacy", "web" })
package org.chamberlink.activity;
