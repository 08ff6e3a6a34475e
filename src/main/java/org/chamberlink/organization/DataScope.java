package org.chamberlink.organization;

import java.util.Map;

/**
 * The part of the organisation tree an account may see and change, as a pattern on the
 * materialised path, applied by the database in the query with the path index. An account bound
 * to no organisation sees nothing unless it is a system administrator.
 * <p>
 * Queries never write the predicate by hand (decision 0012, held by {@code ScopePredicateRuleTest}):
 * {@code scope.on("c.org_path")} writes {@code c.org_path like :scope} and
 * {@code .params(scope.param())} binds the pattern to that same name. The predicate stays
 * a plain prefix LIKE, which the {@code varchar_pattern_ops} indexes on the path columns serve.
 * <p>
 * The account's scope binds {@code :scope}; the subtree of one chosen organisation
 * ({@link #subtree(String)}: a filter or a figure's organisation) binds {@code :subtree}, so a query
 * that narrows the scope to a subtree holds both without a clash of names.
 *
 * @param pathPattern the LIKE pattern on a materialised path ({@code /1/7/%})
 * @param parameter the name its predicates bind the pattern to
 */
public record DataScope(String pathPattern, String parameter) {

	private static final String SCOPE = "scope";

	private static final DataScope ALL = new DataScope("%", SCOPE);

	// No path is empty, so this pattern matches no row.
	private static final DataScope NOTHING = new DataScope("", SCOPE);

	public static DataScope all() {
		return ALL;
	}

	public static DataScope nothing() {
		return NOTHING;
	}

	/** An account's scope: the subtree of its organisation. */
	public static DataScope below(String path) {
		return new DataScope(path + "%", SCOPE);
	}

	/** The subtree of one organisation chosen within the scope (a list's filter, a figure's organisation). */
	public static DataScope subtree(String path) {
		return new DataScope(path + "%", "subtree");
	}

	/** {@code column like :parameter}: the rows whose path lies in this scope. */
	public String on(String column) {
		return column + " like :" + parameter;
	}

	/** {@code column not like :parameter}: the rows whose path lies outside this scope. */
	public String outside(String column) {
		return column + " not like :" + parameter;
	}

	/**
	 * The pattern under the name the predicates {@link #on} and {@link #outside} wrote:
	 * {@code jdbc.sql(…).params(scope.param())}, or {@code putAll} into a parameter map.
	 */
	public Map<String, Object> param() {
		return Map.of(parameter, pathPattern);
	}

	/** The path of the subtree's root organisation; empty for everything and for nothing. */
	public String root() {
		return pathPattern.endsWith("%") ? pathPattern.substring(0, pathPattern.length() - 1) : pathPattern;
	}

	public boolean covers(String path) {
		return pathPattern.equals("%") || (!pathPattern.isEmpty() && path.startsWith(
				pathPattern.substring(0, pathPattern.length() - 1)));
	}

}
