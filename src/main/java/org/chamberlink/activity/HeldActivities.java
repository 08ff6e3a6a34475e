package org.chamberlink.activity;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities that took place in a past period with someone checked in, as {@link ActivityHeld}
 * would have told them, in one query: for a module that counts them afresh (the points ledger's
 * back-fill). Within an organisation's subtree looked up in the caller's scope.
 */
@Service
public class HeldActivities {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	HeldActivities(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/**
	 * The activity as {@link ActivityHeld} would tell it now, if it took place (held or closed) with
	 * someone checked in: for a listener (no sign-in) that hears of a check-in ticked from the paper
	 * sheet after the activity was marked held. Deliberately unscoped: it answers by id only.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<ActivityHeld> findHeldUnscoped(Long activityId) {
		return jdbc.sql("select a.id, a.org_id, a.org_path, a.kind, a.starts_at, a.attended, a.members_attended from activity a"
				+ " where a.id = :id and a.status in ('HELD', 'CLOSED') and a.attended > 0")
			.param("id", activityId)
			.query((rs, n) -> new ActivityHeld(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
					ActivityKind.valueOf(rs.getString("kind")),
					ChinaTime.of(rs.getTimestamp("starts_at").toInstant()).toLocalDate(), rs.getInt("attended"),
					rs.getInt("members_attended")))
			.optional();
	}

	/** Held (or closed) activities of the subtree starting from … to (China dates) with attendance, by id. */
	@Transactional(readOnly = true)
	public List<ActivityHeld> withAttendance(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select a.id, a.org_id, a.org_path, a.kind, a.starts_at, a.attended, a.members_attended from activity a where "
				+ subtree.on("a.org_path") + " and a.status in ('HELD', 'CLOSED') and a.attended > 0"
				+ " and a.starts_at >= :from and a.starts_at < :to order by a.id")
			.params(subtree.param())
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.query((rs, n) -> new ActivityHeld(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
					ActivityKind.valueOf(rs.getString("kind")),
					ChinaTime.of(rs.getTimestamp("starts_at").toInstant()).toLocalDate(), rs.getInt("attended"),
					rs.getInt("members_attended")))
			.list();
	}

}
