package org.chamberlink.audit;

/** Actions recorded by the platform itself; feature modules use their own action names. */
public final class AuditAction {

	public static final String LOGIN = "LOGIN";

	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGIN_LOCKED = "LOGIN_LOCKED";

	public static final String LOGOUT = "LOGOUT";

	public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";

	public static final String SESSIONS_REVOKED = "SESSIONS_REVOKED";

	public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";

	public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";

	public static final String ACCOUNT_ENABLED = "ACCOUNT_ENABLED";

	public static final String PASSWORD_RESET = "PASSWORD_RESET";

	public static final String TOKEN_CREATED = "TOKEN_CREATED";

	public static final String TOKEN_REVOKED = "TOKEN_REVOKED";

	public static final String TOKEN_USED = "TOKEN_USED";

	public static final String CREATE = "CREATE";

	public static final String UPDATE = "UPDATE";

	public static final String DELETE = "DELETE";

	public static final String REVEAL = "REVEAL";

	/**
	 * A record entered after the fact (补录) with its real date before the day it was entered: a
	 * case, a visit or a payment from a paper ledger (decision 32). The summary names the real date.
	 */
	public static final String BACKDATED = "BACKDATED";

	private AuditAction() {
	}

}
