package org.chamberlink.organization;

/**
 * The part of the organisation tree an account may see and change, as a pattern on the
 * materialised path: every scoped query says {@code path like :scope}, so the scope is applied
 * by the database, in the query, with the path index. An account bound to no organisation sees
 * nothing unless it is a system administrator.
 *
 * @param pathPattern the LIKE pattern on {@code organization.path}
 */
public record DataScope(String pathPattern) {

	private static final DataScope ALL = new DataScope("%");

	// No path is empty, so this pattern matches no row.
	private static final DataScope NOTHING = new DataScope("");

	public static DataScope all() {
		return ALL;
	}

	public static DataScope nothing() {
		return NOTHING;
	}

	public static DataScope below(String path) {
		return new DataScope(path + "%");
	}

	public boolean covers(String path) {
		return this == ALL || pathPattern.equals("%") || (!pathPattern.isEmpty() && path.startsWith(
				pathPattern.substring(0, pathPattern.length() - 1)));
	}

}
