package org.chamberlink.casework;

/** Who may do what with cases: staff work them, administrators also set time limits; auditors read. */
public final class CaseRoles {

	public static final String READERS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN', 'STAFF', 'AUDITOR')";

	public static final String WORKERS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN', 'STAFF')";

	public static final String ADMINS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN')";

	public static final String MEMBER = "hasRole('MEMBER')";

	private CaseRoles() {
	}

}
