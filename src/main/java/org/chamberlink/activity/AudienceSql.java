package org.chamberlink.activity;

/**
 * Who an activity's audience is, in SQL over the member module's published memberships (alias
 * {@code m}) and the activity (alias {@code a}): a current membership (joined by {@code :today},
 * not left by then) in the organiser's subtree, narrowed by the chosen roles, tiers and
 * organisations, or on the invitation list.
 */
final class AudienceSql {

	static final String MEMBER_OF_AUDIENCE = """
			(m.joined_on <= :today and (m.left_on is null or m.left_on > :today)
			 and m.org_path like a.org_path || '%'
			 and (a.audience = 'SUBTREE'
			      or a.audience = 'CHOSEN'
			         and (cardinality(a.audience_roles) = 0 or m.role = any(a.audience_roles))
			         and (cardinality(a.audience_tiers) = 0 or m.tier = any(a.audience_tiers))
			         and (cardinality(a.audience_org_ids) = 0 or m.org_id = any(a.audience_org_ids))
			      or a.audience = 'INVITED'
			         and exists (select 1 from activity_invitee i where i.activity_id = a.id and i.membership_id = m.membership_id)))
			""";

	private AudienceSql() {
	}

}
