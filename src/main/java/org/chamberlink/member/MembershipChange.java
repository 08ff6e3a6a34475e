package org.chamberlink.member;

import java.time.LocalDate;

/**
 * A change to one membership: a new role or tier, or leaving.
 *
 * @param tier blank for the role's default; a different tier needs {@code tierReason}
 * @param leftOn with {@code leaveReason}: the membership ends on this date
 */
public record MembershipChange(MemberRole role, Tier tier, String tierReason, LocalDate leftOn, String leaveReason,
		Long version) {
}
