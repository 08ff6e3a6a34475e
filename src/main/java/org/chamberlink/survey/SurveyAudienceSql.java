package org.chamberlink.survey;

/**
 * Who a survey's audience is, in SQL over the member module's published memberships (alias
 * {@code m}) and the survey (alias {@code s}): a current membership (joined by {@code :today}, not
 * left by then) in the organiser's subtree, narrowed by the chosen roles, tiers and organisations
 * (an organisation chosen brings its subtree).
 */
final class SurveyAudienceSql {

	static final String MEMBER_OF_AUDIENCE = """
			(m.joined_on <= :today and (m.left_on is null or m.left_on > :today)
			 and m.org_path like s.org_path || '%'
			 and (s.audience = 'SUBTREE'
			      or s.audience = 'CHOSEN'
			         and (cardinality(s.audience_roles) = 0 or m.role = any(s.audience_roles))
			         and (cardinality(s.audience_tiers) = 0 or m.tier = any(s.audience_tiers))
			         and (cardinality(s.audience_org_ids) = 0 or m.org_id = any(s.audience_org_ids))))
			""";

	/** The party's membership belongs to the survey {@code s}'s audience (binds :party and :today). */
	static final String PARTY_IN_AUDIENCE = "exists (select 1 from published_membership m where m.party_id = :party and "
			+ MEMBER_OF_AUDIENCE + ")";

	private SurveyAudienceSql() {
	}

}
