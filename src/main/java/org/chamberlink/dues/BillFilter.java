package org.chamberlink.dues;

import org.chamberlink.member.MemberRole;

/**
 * Which bills a list shows: an organisation (and optionally everything below it), a year, a state
 * (OPEN includes OVERDUE), a role and a name keyword.
 */
public record BillFilter(Long orgId, boolean subtree, Integer year, BillState state, MemberRole role, String keyword) {
}
