package org.chamberlink.activity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.RowMapper;

/**
 * An activity as pages, the API and the other services of this module read it, with its tally.
 *
 * @param registered seats taken; {@code waitlisted} those waiting for one
 * @param attended person-times checked in (members, walk-ins, guests)
 * @param registeredAttended of those registered beforehand, how many came (the attendance rate's numerator)
 */
public record ActivityView(Long id, Long orgId, String orgPath, String orgName, ActivityKind kind, String title,
		List<Long> coOrganizerIds, List<String> coOrganizers, String coOrganizerNames, Instant startsAt, Instant endsAt,
		String place, String onlineLink, String agenda, Integer capacity, Instant registrationOpensAt,
		Instant registrationClosesAt, Audience audience, Set<MemberRole> audienceRoles, Set<Tier> audienceTiers,
		List<Long> audienceOrgIds, ActivityStatus status, String cancelReason, int registered, int waitlisted, int attended,
		int registeredAttended, int membersAttended, boolean hasMinutes, Boolean quorumMet, Instant createdAt, long version) {

	/** Check-in opens this long before the start and closes at the end. */
	public static final Duration CHECK_IN_LEAD = Duration.ofHours(1);

	static final String COLUMNS = """
			select a.id, a.org_id, a.org_path, a.kind, a.title, a.co_organizer_ids, a.co_organizer_names, a.starts_at, a.ends_at,
			       a.place, a.online_link, a.agenda, a.capacity, a.registration_opens_at, a.registration_closes_at, a.audience,
			       a.audience_roles, a.audience_tiers, a.audience_org_ids, a.status, a.cancel_reason, a.registered, a.waitlisted,
			       a.attended, a.registered_attended, a.members_attended, a.has_minutes, a.quorum_met, a.created_at, a.version
			from activity a
			""";

	static final RowMapper<ActivityView> MAPPER = (rs, n) -> new ActivityView(rs.getLong("id"), rs.getLong("org_id"),
			rs.getString("org_path"), null, ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
			longs(rs.getArray("co_organizer_ids")), List.of(), rs.getString("co_organizer_names"), instant(rs, "starts_at"),
			instant(rs, "ends_at"), rs.getString("place"), rs.getString("online_link"), rs.getString("agenda"),
			(Integer) rs.getObject("capacity"), instant(rs, "registration_opens_at"), instant(rs, "registration_closes_at"),
			Audience.valueOf(rs.getString("audience")),
			strings(rs.getArray("audience_roles")).stream().map(MemberRole::valueOf).collect(Collectors.toUnmodifiableSet()),
			strings(rs.getArray("audience_tiers")).stream().map(Tier::valueOf).collect(Collectors.toUnmodifiableSet()),
			longs(rs.getArray("audience_org_ids")), ActivityStatus.valueOf(rs.getString("status")), rs.getString("cancel_reason"),
			rs.getInt("registered"), rs.getInt("waitlisted"), rs.getInt("attended"), rs.getInt("registered_attended"),
			rs.getInt("members_attended"), rs.getBoolean("has_minutes"), (Boolean) rs.getObject("quorum_met"),
			instant(rs, "created_at"), rs.getLong("version"));

	/** The same activity with its organiser's and co-organisers' names, given by id. */
	ActivityView named(Map<Long, String> names) {
		return new ActivityView(id, orgId, orgPath, names.get(orgId), kind, title, coOrganizerIds,
				coOrganizerIds.stream().map(names::get).filter(java.util.Objects::nonNull).toList(), coOrganizerNames, startsAt,
				endsAt, place, onlineLink, agenda, capacity, registrationOpensAt, registrationClosesAt, audience, audienceRoles,
				audienceTiers, audienceOrgIds, status, cancelReason, registered, waitlisted, attended, registeredAttended,
				membersAttended, hasMinutes, quorumMet, createdAt, version);
	}

	public LocalDateTime startsLocal() {
		return ChinaTime.of(startsAt);
	}

	public LocalDateTime endsLocal() {
		return ChinaTime.of(endsAt);
	}

	/** When members may start to register, in China time; null: from publication. */
	public LocalDateTime registrationOpensLocal() {
		return registrationOpensAt == null ? null : ChinaTime.of(registrationOpensAt);
	}

	public LocalDateTime registrationClosesLocal() {
		return registrationClosesAt == null ? null : ChinaTime.of(registrationClosesAt);
	}

	public Instant checkInOpensAt() {
		return startsAt.minus(CHECK_IN_LEAD);
	}

	public boolean checkInOpen(Instant now) {
		return status.editable() && !now.isBefore(checkInOpensAt()) && !now.isAfter(endsAt)
				|| status == ActivityStatus.HELD && !now.isAfter(endsAt);
	}

	/** When members may register: from the window's opening (or publication) to its close (or the start). */
	public boolean registrationOpen(Instant now) {
		return status == ActivityStatus.PUBLISHED && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
				&& now.isBefore(registrationClosesAt != null ? registrationClosesAt : startsAt);
	}

	/**
	 * Those who registered before the day: the seats taken less the walk-ins, who took theirs at the
	 * door and are all checked in (attended − registeredAttended). The attendance rate's denominator.
	 */
	public int registeredBeforehand() {
		return registered - (attended - registeredAttended);
	}

	public boolean full() {
		return capacity != null && registered >= capacity;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static List<Long> longs(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
