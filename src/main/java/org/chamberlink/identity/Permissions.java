package org.chamberlink.identity;

/**
 * What the signed-in account may do, by the same role groups the controllers check
 * ({@link RoleGroups}): a page shows a button or a form only when the action behind it would be
 * allowed, so a read-only leader never meets a button that ends in 无权访问. Every page has it as
 * {@code may} ({@code th:if="${may.work}"}); a controller asks {@link #of} the same way. Where is
 * still the data scope's to decide.
 *
 * @param work keep records: enter members, record payments, file cases, plan visits (WORKERS)
 * @param administer decide: waive, refund, reverse, merge, reveal, set schedules, run billing,
 * manage accounts (ADMINS)
 * @param shapeTree register, import and dissolve organisations (FEDERATION)
 * @param runSystem reference data, calendar, outbox, audit log (SYSTEM)
 * @param member use the member portal (MEMBER)
 * @param merchant check member cards at a partner merchant's till, and nothing else (MERCHANT)
 */
public record Permissions(boolean work, boolean administer, boolean shapeTree, boolean runSystem, boolean member,
		boolean merchant) {

	private static final Permissions NONE = new Permissions(false, false, false, false, false, false);

	public static Permissions of(AccountPrincipal account) {
		if (account == null) {
			return NONE;
		}
		return new Permissions(account.hasAnyRole(RoleGroups.WORKER_ROLES), account.hasAnyRole(RoleGroups.ADMIN_ROLES),
				account.hasAnyRole(RoleGroups.FEDERATION_ROLES), account.hasRole(Role.SYSTEM_ADMIN),
				account.hasRole(Role.MEMBER), account.hasRole(Role.MERCHANT));
	}

}
