package org.chamberlink.survey;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.RowMapper;

/** A survey with its questions (empty in lists) and the organiser's name. */
public record SurveyView(Long id, Long orgId, String orgPath, String orgName, String title, String description, boolean anonymous,
		Instant opensAt, Instant closesAt, SurveyAudience audience, Set<MemberRole> audienceRoles, Set<Tier> audienceTiers,
		List<Long> audienceOrgIds, String status, long responses, List<QuestionView> questions) {

	static final String COLUMNS = """
			select s.id, s.org_id, s.org_path, s.title, s.description, s.anonymous, s.opens_at, s.closes_at, s.audience,
			       s.audience_roles, s.audience_tiers, s.audience_org_ids, s.status,
			       (select coalesce(sum(t.responses), 0) from survey_response_tally t where t.survey_id = s.id) as responses
			from survey s
			""";

	static final RowMapper<SurveyView> MAPPER = (rs, n) -> new SurveyView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
			null, rs.getString("title"), rs.getString("description"), rs.getBoolean("anonymous"),
			rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
			SurveyAudience.valueOf(rs.getString("audience")),
			strings(rs, "audience_roles").stream().map(MemberRole::valueOf).collect(Collectors.toSet()),
			strings(rs, "audience_tiers").stream().map(Tier::valueOf).collect(Collectors.toSet()), longs(rs, "audience_org_ids"),
			rs.getString("status"), rs.getLong("responses"), List.of());

	public SurveyPhase phase(Instant now) {
		if ("DRAFT".equals(status)) {
			return SurveyPhase.DRAFT;
		}
		if (now.isBefore(opensAt)) {
			return SurveyPhase.SCHEDULED;
		}
		return now.isBefore(closesAt) ? SurveyPhase.OPEN : SurveyPhase.CLOSED;
	}

	public LocalDateTime opensLocal() {
		return ChinaTime.of(opensAt);
	}

	public LocalDateTime closesLocal() {
		return ChinaTime.of(closesAt);
	}

	SurveyView with(String name, List<QuestionView> questions) {
		return new SurveyView(id, orgId, orgPath, name, title, description, anonymous, opensAt, closesAt, audience, audienceRoles,
				audienceTiers, audienceOrgIds, status, responses, questions);
	}

	static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static List<Long> longs(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

}
