package org.chamberlink.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cases. A case is visible to an account when any organisation that has held it, or is
 * being offered it, lies in the account's subtree: the handling organisation and those above it,
 * a chamber that handed it on, a chamber it is offered to. Nobody else sees it.
 */
@Service
public class Cases {

	/** A case is visible to the subtrees that hold it or held it. */
	private static String visible(DataScope scope) {
		return " c.id in (select h.case_id from case_holder h where " + scope.on("h.org_path") + ")";
	}

	private static final long SORT_LIMIT = 5_000;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final CaseListConditions conditions;

	private final CaseListTotal totals;

	private final CaseNames names;

	Cases(JdbcClient jdbc, DataScopes scopes, CaseListConditions conditions, CaseListTotal totals, CaseNames names) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.conditions = conditions;
		this.totals = totals;
		this.names = names;
	}

	@Transactional(readOnly = true)
	public Page<CaseView> search(CaseFilter filter, Pageable pageable) {
		Map<String, Object> params = new HashMap<>();
		String where = conditions.where(filter, params);
		// the member's name is needed only to search by it: the member module's published view
		String party = filter.trimmedKeyword() == null ? "" : " left join published_party p on p.party_id = c.party_id";
		long total = totals.of(filter, params, "select count(*) from service_case c" + party + where);
		// A few thousand cases (a county, a chamber) are found through the scope index and sorted;
		// more (a city, the province) are read newest first from the filing-date index. Left to
		// itself the planner walks the date index for a county too, reading ~12,000 rows for 20.
		String page = total <= SORT_LIMIT
				? "with scoped as materialized (select c.id, c.filed_at from service_case c" + party + where + "), "
						+ "page as (select id from scoped order by filed_at desc, id desc limit :limit offset :offset) "
						+ CaseView.COLUMNS + " join page on page.id = c.id order by c.filed_at desc, c.id desc"
				: CaseView.COLUMNS + party + where + " order by c.filed_at desc, c.id desc limit :limit offset :offset";
		List<CaseView> rows = jdbc.sql(page)
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(CaseView.class)
			.list();
		return new PageImpl<>(names.of(rows), pageable, total);
	}

	@Transactional(readOnly = true)
	public Optional<CaseView> find(Long id) {
		DataScope scope = scopes.current();
		return names.of(jdbc.sql(CaseView.COLUMNS + " where c.id = :id and" + visible(scope))
			.param("id", id)
			.params(scope.param())
			.query(CaseView.class)
			.optional());
	}

	public CaseView get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Case", id));
	}

	/** The trail, oldest first, of a case the caller can see; else not found. */
	@Transactional(readOnly = true)
	public List<CaseStep> trail(Long caseId) {
		get(caseId);
		return steps(caseId);
	}

	List<CaseStep> steps(Long caseId) {
		return names.steps(jdbc.sql("""
				select s.id, s.action, s.from_state, s.to_state, s.org_id, s.target_org_id, s.actor, s.comment, s.at
				from case_step s where s.case_id = :id order by s.id
				""")
			.param("id", caseId)
			.query(CaseNames.StepRow.class)
			.list());
	}

}
