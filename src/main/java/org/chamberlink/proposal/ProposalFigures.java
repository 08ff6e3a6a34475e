package org.chamberlink.proposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposal figures of a node's subtree for a period: suggestions submitted in it, proposals
 * submitted in it and, of those, answered, adopted and with a leader's instruction (as they stand
 * now); by topic as well. SQL over one range of the path index.
 */
@Service
public class ProposalFigures {

	/** The figures of one organisation's subtree (or own level). */
	public record Totals(Long orgId, String orgName, long suggestions, long proposals, long answered, long adopted,
			long instructed) {
	}

	/** One topic's row. */
	public record TopicRow(ProposalTopic topic, long suggestions, long proposals, long answered, long adopted,
			long instructed) {
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	ProposalFigures(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public Totals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		return count(node.id(), node.name(), subtree.on("x.org_path"), subtree.param(), from, to);
	}

	/** The node's own level and each organisation directly below it. */
	@Transactional(readOnly = true)
	public List<Totals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		List<Totals> rows = new ArrayList<>();
		rows.add(count(node.id(), node.name(), "x.org_path = :own", Map.of("own", node.path()), from, to));
		for (OrganizationSummary child : organizations.children(node.id())) {
			DataScope subtree = DataScope.subtree(child.path());
			rows.add(count(child.id(), child.name(), subtree.on("x.org_path"), subtree.param(), from, to));
		}
		return rows;
	}

	/** By topic, every topic listed (zeros included). */
	@Transactional(readOnly = true)
	public List<TopicRow> byTopic(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		Map<ProposalTopic, TopicRow> rows = new EnumMap<>(ProposalTopic.class);
		for (ProposalTopic topic : ProposalTopic.values()) {
			rows.put(topic, new TopicRow(topic, 0, 0, 0, 0, 0));
		}
		jdbc.sql("select x.topic, count(*) as n from proposal_suggestion x where " + subtree.on("x.org_path")
				+ " and x.submitted_on between :from and :to group by x.topic")
			.params(subtree.param()).param("from", from).param("to", to)
			.query((rs, n) -> {
				ProposalTopic topic = ProposalTopic.valueOf(rs.getString("topic"));
				TopicRow r = rows.get(topic);
				return rows.put(topic, new TopicRow(topic, rs.getLong("n"), r.proposals(), r.answered(), r.adopted(), r.instructed()));
			}).list();
		jdbc.sql(PROPOSALS.formatted(subtree.on("x.org_path")) + " group by x.topic")
			.params(subtree.param()).param("from", from).param("to", to)
			.query((rs, n) -> {
				ProposalTopic topic = ProposalTopic.valueOf(rs.getString("topic"));
				TopicRow r = rows.get(topic);
				return rows.put(topic, new TopicRow(topic, r.suggestions(), rs.getLong("proposals"), rs.getLong("answered"),
						rs.getLong("adopted"), rs.getLong("instructed")));
			}).list();
		return List.copyOf(rows.values());
	}

	private static final String PROPOSALS = """
			select x.topic, count(*) as proposals,
			       count(*) filter (where exists (select 1 from proposal_step t where t.proposal_id = x.id and t.status = 'ANSWERED')) as answered,
			       count(*) filter (where x.status = 'ADOPTED') as adopted,
			       count(*) filter (where exists (select 1 from proposal_step t where t.proposal_id = x.id and t.status = 'INSTRUCTED')) as instructed
			from proposal x where %s and x.submitted_on between :from and :to
			""";

	private Totals count(Long id, String name, String on, Map<String, ?> params, LocalDate from, LocalDate to) {
		long suggestions = jdbc.sql("select count(*) from proposal_suggestion x where " + on + " and x.submitted_on between :from and :to")
			.params(params).param("from", from).param("to", to).query(Long.class).single();
		return jdbc.sql("select sum(proposals) as proposals, sum(answered) as answered, sum(adopted) as adopted,"
				+ " sum(instructed) as instructed from (" + PROPOSALS.formatted(on) + " group by x.topic) t")
			.params(params).param("from", from).param("to", to)
			.query((rs, n) -> new Totals(id, name, suggestions, rs.getLong("proposals"), rs.getLong("answered"), rs.getLong("adopted"),
					rs.getLong("instructed")))
			.single();
	}

}
