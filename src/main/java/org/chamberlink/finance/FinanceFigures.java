package org.chamberlink.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.Fen;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loans arranged, for any node of the caller's subtree and any period: applications made in the
 * period, recommendations made, loans granted in the period (count and amount) and refusals; by
 * organisation (the node's own and each one below) and by bank.
 */
@Service
public class FinanceFigures {

	/** Loans granted through one bank in the period. */
	public record BankTotal(String bank, long loans, long grantedFen) {

		public String granted() {
			return Fen.format(grantedFen);
		}

	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	FinanceFigures(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public FinanceTotals totals(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		return count(node.id(), node.name(), subtree::on, subtree.param(), from, to);
	}

	@Transactional(readOnly = true)
	public List<FinanceTotals> below(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		List<FinanceTotals> rows = new ArrayList<>();
		rows.add(count(node.id(), node.name(), column -> column + " = :own", Map.of("own", node.path()), from, to));
		for (OrganizationSummary child : organizations.children(node.id())) {
			DataScope subtree = DataScope.subtree(child.path());
			rows.add(count(child.id(), child.name(), subtree::on, subtree.param(), from, to));
		}
		return rows;
	}

	/** Loans granted in the period within the node's subtree, by bank, largest first. */
	@Transactional(readOnly = true)
	public List<BankTotal> byBank(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary node = organizations.get(orgId);
		DataScope subtree = DataScope.subtree(node.path());
		return jdbc.sql("select r.bank, count(*) as loans, coalesce(sum(r.granted_fen), 0) as granted_fen from finance_referral r where "
				+ subtree.on("r.org_path") + " and r.status = 'GRANTED' and r.decided_on between :from and :to"
				+ " group by r.bank order by 3 desc, 1").params(subtree.param()).param("from", from).param("to", to)
			.query(BankTotal.class).list();
	}

	private FinanceTotals count(Long id, String name, Function<String, String> on, Map<String, ?> params, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select cast(:id as bigint) as org_id, cast(:name as varchar) as org_name,
				       count(*) filter (where r.applied_on between :from and :to) as applied,
				       count(*) filter (where r.recommended_on between :from and :to) as recommended,
				       count(*) filter (where r.status = 'GRANTED' and r.decided_on between :from and :to) as granted,
				       coalesce(sum(r.granted_fen) filter (where r.status = 'GRANTED' and r.decided_on between :from and :to), 0) as granted_fen,
				       count(*) filter (where r.status = 'REFUSED' and r.decided_on between :from and :to) as refused
				from finance_referral r where
				""" + on.apply("r.org_path")).params(params).param("id", id).param("name", name).param("from", from).param("to", to)
			.query(FinanceTotals.class).single();
	}

}
