package org.chamberlink.activity;

import java.time.LocalDate;

/**
 * What the activity list shows: an organisation's subtree (none: the caller's scope), a kind, a
 * status, the days it starts on (China time, both inclusive) and words of its title.
 */
public record ActivityFilter(Long orgId, ActivityKind kind, ActivityStatus status, LocalDate from, LocalDate to, String keyword) {

	public static ActivityFilter all() {
		return new ActivityFilter(null, null, null, null, null, null);
	}

	public ActivityFilter between(LocalDate first, LocalDate last) {
		return new ActivityFilter(orgId, kind, status, first, last, keyword);
	}

	public ActivityFilter of(Long org) {
		return new ActivityFilter(org, kind, status, from, to, keyword);
	}

}
