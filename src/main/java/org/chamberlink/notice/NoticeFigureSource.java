package org.chamberlink.notice;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigureDefinition;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureRow;
import org.chamberlink.shared.figures.FigureSource;
import org.chamberlink.shared.figures.FigureTiming;
import org.chamberlink.shared.figures.FigureUnit;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notice figures through the figures SPI, by the sender's subtree and the publication date: notices
 * sent; copies to organisations and of them read, and that rate (organisations read ÷ sent to
 * organisations); copies to members and of them read, and that rate; data-call replies due and of
 * them in by the deadline, and that rate. Summed from the notices' own counters, one row per notice.
 */
@Component
@Order(7)
class NoticeFigureSource implements FigureSource {

	private static final FigureTiming PERIOD = FigureTiming.PERIOD;

	private static final String SUMS = """
			count(*) as sent, coalesce(sum(n.org_recipients), 0) as org_recipients, coalesce(sum(n.orgs_read), 0) as orgs_read,
			coalesce(sum(n.member_recipients), 0) as member_recipients, coalesce(sum(n.members_read), 0) as members_read,
			coalesce(sum(n.org_recipients) filter (where n.kind = 'DATA_CALL'), 0) as reply_targets,
			coalesce(sum((select count(*) from notice_reply y where y.notice_id = n.id and y.status = 'SUBMITTED'
			                and y.submitted_at <= n.due_at)) filter (where n.kind = 'DATA_CALL'), 0) as replies_on_time
			""";

	private static final String BRANCH = """
			case when n.org_path = :path then cast(:id as bigint)
			     else cast(split_part(substr(n.org_path, length(:path) + 1), '/', 1) as bigint) end
			""";

	private static final List<String> KEYS = List.of("notice.sent", "notice.orgRecipients", "notice.orgsRead", "notice.memberRecipients",
			"notice.membersRead", "notice.replyTargets", "notice.repliesOnTime");

	record Sums(Long branch, long sent, long orgRecipients, long orgsRead, long memberRecipients, long membersRead, long replyTargets,
			long repliesOnTime) {

		Map<String, Long> values() {
			return Map.of("notice.sent", sent, "notice.orgRecipients", orgRecipients, "notice.orgsRead", orgsRead,
					"notice.memberRecipients", memberRecipients, "notice.membersRead", membersRead, "notice.replyTargets", replyTargets,
					"notice.repliesOnTime", repliesOnTime);
		}

	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	NoticeFigureSource(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Override
	public List<FigureDefinition> definitions() {
		List<FigureDefinition> definitions = new ArrayList<>();
		KEYS.forEach(key -> definitions.add(FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, PERIOD)));
		definitions.add(FigureDefinition.rate("notice.orgReadRate", "figure.notice.orgReadRate", "notice.orgsRead",
				"notice.orgRecipients", PERIOD));
		definitions.add(FigureDefinition.rate("notice.memberReadRate", "figure.notice.memberReadRate", "notice.membersRead",
				"notice.memberRecipients", PERIOD));
		definitions.add(FigureDefinition.rate("notice.onTimeRate", "figure.notice.onTimeRate", "notice.repliesOnTime",
				"notice.replyTargets", PERIOD));
		return definitions;
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		Sums sums = jdbc.sql("select cast(:id as bigint) as branch, " + SUMS + " from notice n where " + subtree.on("n.org_path")
				+ " and n.publish_at >= :from and n.publish_at < :to")
			.params(subtree.param())
			.param("id", node.id())
			.param("from", from(period))
			.param("to", to(period))
			.query(Sums.class)
			.single();
		return FigureRow.of(node.id(), node.name(), false, sums.values());
	}

	/** The node's own notices (its own level) and each organisation directly below (its whole subtree). */
	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		Map<Long, Sums> sums = new HashMap<>();
		jdbc.sql("select " + BRANCH + " as branch, " + SUMS + " from notice n where " + subtree.on("n.org_path")
				+ " and n.publish_at >= :from and n.publish_at < :to group by 1")
			.params(subtree.param())
			.param("id", node.id())
			.param("path", node.path())
			.param("from", from(period))
			.param("to", to(period))
			.query(Sums.class)
			.list()
			.forEach(row -> sums.put(row.branch(), row));
		Sums none = new Sums(null, 0, 0, 0, 0, 0, 0, 0);
		List<FigureRow> rows = new ArrayList<>();
		rows.add(FigureRow.of(node.id(), node.name(), true, sums.getOrDefault(node.id(), none).values()));
		organizations.children(node.id())
			.forEach(child -> rows.add(FigureRow.of(child.id(), child.name(), false, sums.getOrDefault(child.id(), none).values())));
		return rows;
	}

	private static Timestamp from(FigurePeriod period) {
		return Timestamp.from(period.from().atStartOfDay(ChinaTime.ZONE).toInstant());
	}

	private static Timestamp to(FigurePeriod period) {
		return Timestamp.from(period.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
	}

}
