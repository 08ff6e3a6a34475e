package org.chamberlink.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.LikePattern;
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

	/*
	 * The list reads the cases handled in the subtree through the scope index, plus the few held
	 * there before or offered there, found first among the holders that are not current. One OR of
	 * two indexed conditions, so neither a county nor a province reads the holders of every case.
	 */
	private List<Long> heldElsewhere(DataScope scope) {
		return jdbc.sql("""
				select distinct case_id from case_holder
				where %s and not current
				  and not exists (select 1 from service_case c where c.id = case_id and %s)
				""".formatted(scope.on("org_path"), scope.on("c.org_path"))).params(scope.param()).query(Long.class).list();
	}

	private static final long SORT_LIMIT = 5_000;

	private static final Pattern NUMBER = Pattern.compile("(?i)(XQ|TS|TJ)(\\d{4})-0*(\\d{1,18})");

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final CaseNames names;

	private final Clock clock;

	Cases(JdbcClient jdbc, DataScopes scopes, Organizations organizations, CaseNames names, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.names = names;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<CaseView> search(CaseFilter filter, Pageable pageable) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		// the member's name is needed only to search by it: the member module's published view
		String party = filter.trimmedKeyword() == null ? "" : " left join published_party p on p.party_id = c.party_id";
		Long tallied = tallied(filter, params);
		long total = tallied != null ? tallied
				: jdbc.sql("select count(*) from service_case c" + party + where).params(params).query(Long.class).single();
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

	private String where(CaseFilter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		DataScope scope = scopes.current();
		params.putAll(scope.param());
		List<Long> elsewhere = heldElsewhere(scope);
		if (elsewhere.isEmpty()) {
			conditions.add(scope.on("c.org_path"));
		}
		else {
			conditions.add("(" + scope.on("c.org_path") + " or c.id in (:elsewhere))");
			params.put("elsewhere", elsewhere);
		}
		if (filter.kind() != null) {
			conditions.add("c.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.category() != null) {
			conditions.add("c.category = :category");
			params.put("category", filter.category().name());
		}
		if (filter.state() != null) {
			conditions.add("c.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.orgId() != null) {
			DataScope subtree = DataScope.subtree(organizations.get(filter.orgId()).path());
			conditions.add(subtree.on("c.org_path"));
			params.putAll(subtree.param());
		}
		if (Boolean.TRUE.equals(filter.open())) {
			conditions.add("c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')");
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			conditions.add(OVERDUE);
			params.put("today", LocalDate.now(clock));
		}
		if (Boolean.TRUE.equals(filter.offered())) {
			conditions.add("c.transfer_to_org_id = :me");
			params.put("me", CaseRecords.callerOrgId());
		}
		String keyword = filter.trimmedKeyword();
		if (keyword != null) {
			Matcher number = NUMBER.matcher(keyword);
			if (number.matches()) {
				conditions.add("c.id = :numberId and c.kind = :numberKind"
						+ " and extract(year from c.filed_at at time zone 'Asia/Shanghai') = :numberYear");
				params.put("numberId", Long.valueOf(number.group(3)));
				params.put("numberKind", java.util.Arrays.stream(CaseKind.values())
					.filter(k -> k.prefix().equalsIgnoreCase(number.group(1)))
					.findFirst()
					.orElseThrow()
					.name());
				params.put("numberYear", Integer.valueOf(number.group(2)));
			}
			else {
				conditions.add("(c.title like :like or p.name like :like)");
				params.put("like", LikePattern.containing(keyword));
			}
		}
		return " where " + String.join(" and ", conditions);
	}

	/**
	 * Past its due date in its current step (needs {@code :today}). Open, said first in so many
	 * words, so that the open cases' index answers it alone (an index-only scan, not a bitmap of
	 * the two branches and a visit to every case found).
	 */
	static final String OVERDUE = "c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')"
			+ " and ((c.state = 'SUBMITTED' and c.accept_due_on < :today)"
			+ " or (c.state in ('ACCEPTED', 'IN_PROGRESS') and c.resolve_due_on < :today))";

}
