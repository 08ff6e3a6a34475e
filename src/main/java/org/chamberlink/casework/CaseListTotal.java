package org.chamberlink.casework;

import java.util.List;
import java.util.Map;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many cases the case list has: summed from the case tally where it counts them, else counted. */
@Component
class CaseListTotal {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	CaseListTotal(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/**
	 * The list's total for the filter, whose parameters {@link CaseListConditions#where} has put
	 * into {@code params}; {@code count} is the live count, for the filters the tally does not serve.
	 */
	long of(CaseFilter filter, Map<String, Object> params, String count) {
		Long tallied = tallied(filter, params);
		return tallied != null ? tallied : jdbc.sql(count).params(params).query(Long.class).single();
	}

	/*
	 * A province's list counts 200,000 cases: where the filter is one the case tally counts (the
	 * scope or an organisation in it, and a kind or open cases) the count is its sum, plus the few
	 * cases held in the scope before that are handled outside it now. Else (null) it is counted live.
	 */
	private Long tallied(CaseFilter filter, Map<String, Object> params) {
		if (filter.category() != null || filter.state() != null || Boolean.TRUE.equals(filter.overdue())
				|| Boolean.TRUE.equals(filter.offered()) || filter.trimmedKeyword() != null
				|| (filter.kind() != null && Boolean.TRUE.equals(filter.open()))) {
			return null;
		}
		String counter = Boolean.TRUE.equals(filter.open()) ? "open" : filter.kind() == null ? "cases"
				: switch (filter.kind()) {
					case NEED -> "needs";
					case COMPLAINT -> "complaints";
					case MEDIATION -> "mediations";
				};
		String subtree = (String) (filter.orgId() != null ? params.get("subtree") : params.get("scope"));
		if (subtree.isEmpty()) {
			return 0L;
		}
		String sum = "select coalesce(sum(t." + counter + "), 0)::bigint from case_tally t where t.org_id ";
		// the whole installation (only its administrator's scope is every path) is its roots' sum
		long inScope = subtree.equals("%")
				? jdbc.sql(sum + "= any(:roots)")
					.param("roots", organizations.roots().stream().map(OrganizationSummary::id).toArray(Long[]::new))
					.query(Long.class)
					.single()
				: jdbc.sql(sum + "= :top").param("top", top(subtree)).query(Long.class).single();
		@SuppressWarnings("unchecked")
		List<Long> elsewhere = (List<Long>) params.get("elsewhere");
		if (elsewhere == null || filter.orgId() != null) {
			return inScope;
		}
		String condition = counter.equals("open") ? " and c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')"
				: filter.kind() != null ? " and c.kind = :kind" : "";
		return inScope + jdbc.sql("select count(*) from service_case c where c.id in (:elsewhere)" + condition)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** The organisation at the top of a subtree pattern: /1/2/3/% → 3. */
	private static Long top(String subtree) {
		String path = subtree.substring(0, subtree.length() - 2);
		return Long.valueOf(path.substring(path.lastIndexOf('/') + 1));
	}

}
