package org.chamberlink.shared;

/**
 * What a user typed, made into a LIKE pattern that matches it literally: {@code \}, {@code %} and
 * {@code _} are escaped with a backslash, PostgreSQL's default LIKE escape, so "10%" finds "10%"
 * and not "100". Bind the result as a parameter; the SQL says {@code name like :keyword}.
 */
public final class LikePattern {

	private LikePattern() {
	}

	/** Matches any text containing {@code typed}; null or blank gives null (no condition). */
	public static String containing(String typed) {
		return typed == null || typed.isBlank() ? null : "%" + escape(typed.strip()) + "%";
	}

	/** Matches any text starting with {@code typed} (a region code's prefix); null or blank gives null. */
	public static String startingWith(String typed) {
		return typed == null || typed.isBlank() ? null : escape(typed.strip()) + "%";
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
