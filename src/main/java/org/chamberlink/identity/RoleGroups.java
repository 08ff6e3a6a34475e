package org.chamberlink.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what, in one place: the {@code @PreAuthorize} expressions every module uses, and the
 * same groups as role sets for a page deciding which actions to show. Where an account may do it is
 * its data scope, not its role.
 */
public final class RoleGroups {

	/** Read a module's records: officers, staff and auditors (leaders read, change nothing). */
	public static final String READERS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN', 'STAFF', 'AUDITOR')";

	/** Keep the records: officers and staff. */
	public static final String WORKERS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN', 'STAFF')";

	/** Decide: officers of a federation or chamber (merges, reveals, reversals, accounts, time limits). */
	public static final String ADMINS = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN', 'CHAMBER_ADMIN')";

	/** Shape the tree: federation officers (create, move and dissolve organisations, chamber import). */
	public static final String FEDERATION = "hasAnyRole('SYSTEM_ADMIN', 'FEDERATION_ADMIN')";

	/** Run the installation: reference data, working calendar, outbox. */
	public static final String SYSTEM = "hasRole('SYSTEM_ADMIN')";

	/** An entrepreneur in the member portal. */
	public static final String MEMBER = "hasRole('MEMBER')";

	/** A partner merchant checking member cards (benefit): its one page and nothing else. */
	public static final String MERCHANT = "hasRole('MERCHANT')";

	/** {@link #ADMINS} as roles. */
	public static final Set<Role> ADMIN_ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.FEDERATION_ADMIN, Role.CHAMBER_ADMIN);

	/** {@link #WORKERS} as roles. */
	public static final Set<Role> WORKER_ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.FEDERATION_ADMIN, Role.CHAMBER_ADMIN,
			Role.STAFF);

	/** {@link #FEDERATION} as roles. */
	public static final Set<Role> FEDERATION_ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.FEDERATION_ADMIN);

	private RoleGroups() {
	}

}
