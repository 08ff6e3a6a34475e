package org.chamberlink.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.LikePattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The case list's conditions: the caller's scope, the cases held there before, and the filter. */
@Component
class CaseListConditions {

	/**
	 * Past its due date in its current step (needs {@code :today}). Open, said first in so many
	 * words, so that the open cases' index answers it alone (an index-only scan, not a bitmap of
	 * the two branches and a visit to every case found).
	 */
	static final String OVERDUE = "c.state in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')"
			+ " and ((c.state = 'SUBMITTED' and c.accept_due_on < :today)"
			+ " or (c.state in ('ACCEPTED', 'IN_PROGRESS') and c.resolve_due_on < :today))";

	private static final Pattern NUMBER = Pattern.compile("(?i)(XQ|TS|TJ)(\\d{4})-0*(\\d{1,18})");

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Clock clock;

	CaseListConditions(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.clock = clock;
	}

	/**
	 * The list's {@code where} for the filter in the caller's scope, its parameters put into
	 * {@code params} (the scope's, and {@code elsewhere} when cases held here before are handled
	 * elsewhere now). A keyword matches the title or the member's name ({@code p}, the member
	 * module's published view, joined by the statement).
	 */
	String where(CaseFilter filter, Map<String, Object> params) {
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

}
