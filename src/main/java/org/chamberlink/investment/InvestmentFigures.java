package org.chamberlink.investment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.chamberlink.member.Industries;
import org.chamberlink.member.Industry;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.Fen;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investment figures for any node of the caller's subtree and any period: projects recorded in the
 * period (their lead date), projects signed in it (the date of their SIGNED step) with the amounts
 * contracted and invested; the projects recorded in the period by stage, by industry and by the
 * investor's province of origin.
 */
@Service
public class InvestmentFigures {

	/** One group of a breakdown: its key (a stage, an industry code, a province code), its label, projects, contracted amount. */
	public record Group(String key, String label, long projects, long contractedFen) {

		public String contracted() {
			return Fen.format(contractedFen);
		}

	}

	private static final String SIGNED = "(select s.moved_on from investment_stage s where s.project_id = p.id and s.stage = 'SIGNED')";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Industries industries;

	private final Regions regions;

	InvestmentFigures(JdbcClient jdbc, Organizations organizations, Industries industries, Regions regions) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.industries = industries;
		this.regions = regions;
	}

	@Transactional(readOnly = true)
	public InvestmentTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		return count(node.id(), node.name(), subtree::on, subtree.param(), from, to);
	}

	@Transactional(readOnly = true)
	public List<InvestmentTotals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		List<InvestmentTotals> rows = new ArrayList<>();
		rows.add(count(node.id(), node.name(), column -> column + " = :own", Map.of("own", node.path()), from, to));
		for (OrganizationSummary child : organizations.children(node.id())) {
			DataScope subtree = DataScope.subtree(child.path());
			rows.add(count(child.id(), child.name(), subtree::on, subtree.param(), from, to));
		}
		return rows;
	}

	/** Projects recorded in the period by current stage, in the stages' order. */
	@Transactional(readOnly = true)
	public List<Group> byStage(Long orgId, LocalDate from, LocalDate to) {
		Map<String, Group> found = new java.util.HashMap<>();
		group(orgId, from, to, "p.stage").forEach(g -> found.put(g.key(), g));
		List<Group> rows = new ArrayList<>();
		for (InvestmentStage stage : InvestmentStage.values()) {
			Group g = found.get(stage.name());
			rows.add(g == null ? new Group(stage.name(), stage.name(), 0, 0) : g);
		}
		return rows;
	}

	/** Projects recorded in the period by industry, most contracted first. */
	@Transactional(readOnly = true)
	public List<Group> byIndustry(Long orgId, LocalDate from, LocalDate to) {
		return group(orgId, from, to, "p.industry_code").stream()
			.map(g -> new Group(g.key(), industries.find(g.key()).map(Industry::label).orElse(g.key()), g.projects(), g.contractedFen()))
			.toList();
	}

	/** Projects recorded in the period by the investor's province of origin, most contracted first. */
	@Transactional(readOnly = true)
	public List<Group> byOrigin(Long orgId, LocalDate from, LocalDate to) {
		List<Group> rows = group(orgId, from, to, "substr(p.origin_code, 1, 2)");
		Map<String, String> names = rows.isEmpty() ? Map.of() : regions.names(rows.stream().map(Group::key).toList());
		return rows.stream().map(g -> new Group(g.key(), names.getOrDefault(g.key(), g.key()), g.projects(), g.contractedFen())).toList();
	}

	private List<Group> group(Long orgId, LocalDate from, LocalDate to, String key) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		return jdbc.sql("select " + key + " as key, " + key + " as label, count(*) as projects,"
				+ " coalesce(sum(p.contracted_fen) filter (where p.stage in ('SIGNED', 'STARTED', 'PRODUCING')), 0) as contracted_fen"
				+ " from investment_project p where " + subtree.on("p.org_path") + " and p.lead_on between :from and :to"
				+ " group by " + key + " order by 4 desc, 3 desc, 1").params(subtree.param()).param("from", from).param("to", to)
			.query(Group.class).list();
	}

	private InvestmentTotals count(Long id, String name, Function<String, String> on, Map<String, ?> params, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select cast(:id as bigint) as org_id, cast(:name as varchar) as org_name,
				       count(*) filter (where p.lead_on between :from and :to) as projects,
				       count(*) filter (where %1$s between :from and :to) as signed,
				       coalesce(sum(p.contracted_fen) filter (where %1$s between :from and :to), 0) as contracted_fen,
				       coalesce(sum(p.invested_fen) filter (where %1$s between :from and :to), 0) as invested_fen
				from investment_project p where
				""".formatted(SIGNED) + on.apply("p.org_path")).params(params).param("id", id).param("name", name).param("from", from)
			.param("to", to).query(InvestmentTotals.class).single();
	}

}
