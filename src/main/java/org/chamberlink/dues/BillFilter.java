package org.chamberlink.dues;

import org.chamberlink.member.MemberRole;

/**
 * Which bills a list shows: an organisation (and optionally everything below it), a year, a state
 * (OPEN includes OVERDUE), a role and a name keyword.
 */
public record BillFilter(Long orgId, boolean subtree, Integer year, BillState state, MemberRole role, String keyword) {

	public String query() {
		StringBuilder query = new StringBuilder();
		append(query, "org", orgId);
		append(query, "subtree", subtree ? "true" : null);
		append(query, "year", year);
		append(query, "state", state);
		append(query, "role", role);
		append(query, "keyword", keyword == null || keyword.isBlank() ? null : keyword);
		return query.toString();
	}

	private static void append(StringBuilder query, String name, Object value) {
		if (value != null) {
			query.append(query.isEmpty() ? "" : "&").append(name).append('=')
				.append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}

}
