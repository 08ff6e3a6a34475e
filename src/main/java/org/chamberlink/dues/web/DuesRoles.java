package org.chamberlink.dues.web;

/** Who may do what with dues: staff record payments; administrators set schedules, bill, waive and reverse. */
final class DuesRoles {

	static final String READERS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN', 'STAFF', 'AUDITOR')";

	static final String CLERKS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN', 'STAFF')";

	static final String ADMINS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN')";

	private DuesRoles() {
	}

}
