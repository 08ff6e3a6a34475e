package org.chamberlink.activity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.LikePattern;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading activities in the caller's scope (the organiser's path lies in it): one activity, a
 * filtered page of the list (soonest first for what is coming), and the organisers' names by batch.
 * Changing them is {@link ActivityPlanning}'s.
 */
@Service
public class Activities {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	Activities(JdbcClient jdbc, DataScopes scopes, Organizations organizations) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public Optional<ActivityView> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(ActivityView.COLUMNS + " where a.id = :id and " + scope.on("a.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(ActivityView.MAPPER)
			.optional()
			.map(activity -> named(List.of(activity)).get(0));
	}

	public ActivityView get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Activity", id));
	}

	@Transactional(readOnly = true)
	public Page<ActivityView> search(ActivityFilter filter, Pageable pageable) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("a.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (filter.orgId() != null) {
			DataScope subtree = DataScope.subtree(organizations.get(filter.orgId()).path());
			where.add(subtree.on("a.org_path"));
			params.putAll(subtree.param());
		}
		if (filter.kind() != null) {
			where.add("a.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.status() != null) {
			where.add("a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.from() != null) {
			where.add("a.starts_at >= :from");
			params.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(ChinaTime.ZONE).toInstant()));
		}
		if (filter.to() != null) {
			where.add("a.starts_at < :to");
			params.put("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.add("a.title like :keyword");
			params.put("keyword", LikePattern.containing(filter.keyword().strip()));
		}
		String condition = String.join(" and ", where);
		long total = jdbc.sql("select count(*) from activity a where " + condition).params(params).query(Long.class).single();
		List<ActivityView> rows = jdbc.sql(ActivityView.COLUMNS + " where " + condition
				+ " order by a.starts_at desc, a.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(ActivityView.MAPPER)
			.list();
		return new PageImpl<>(named(rows), pageable, total);
	}

	/**
	 * An organisation's own activities of a year (its ledger, 台帐), in date order: what inspectors
	 * check — kind, date, attendance, minutes present or missing. Cancelled ones are listed too.
	 */
	@Transactional(readOnly = true)
	public List<ActivityView> ledger(Long orgId, int year) {
		organizations.get(orgId);
		return named(jdbc.sql(ActivityView.COLUMNS + " where a.org_id = :org and a.starts_at >= :from and a.starts_at < :to"
				+ " and a.status <> 'DRAFT' order by a.starts_at, a.id")
			.param("org", orgId)
			.param("from", java.sql.Timestamp.from(java.time.LocalDate.of(year, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", java.sql.Timestamp.from(java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.query(ActivityView.MAPPER)
			.list());
	}

	/** The activities with their organisers' and co-organisers' names, looked up in one batch. */
	List<ActivityView> named(List<ActivityView> activities) {
		Set<Long> ids = new HashSet<>();
		activities.forEach(activity -> {
			ids.add(activity.orgId());
			ids.addAll(activity.coOrganizerIds());
		});
		Map<Long, String> names = ids.isEmpty() ? Map.of() : organizations.namesUnscoped(ids);
		return activities.stream().map(activity -> activity.named(names)).toList();
	}

}
