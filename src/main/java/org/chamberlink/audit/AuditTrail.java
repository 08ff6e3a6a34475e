package org.chamberlink.audit;

import java.util.Locale;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. {@link #record} joins the caller's transaction, so an audited
 * change and its audit row are one unit: if the change rolls back, so does its audit row.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final MessageSource messages;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, MessageSource messages) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.messages = messages;
	}

	/** The summary as written: words from the bundles in the installation's language (Chinese). */
	private String summary(AuditEntry entry) {
		return entry.summaryKey() == null ? entry.summary()
				: messages.getMessage(entry.summaryKey(), entry.summaryArgs(), Locale.SIMPLIFIED_CHINESE);
	}

	@Transactional
	public void record(AuditEntry entry) {
		jdbc.sql("""
				insert into audit_log (actor, remote_addr, request_id, action, entity_type, entity_id, org_id,
				                       summary, changes)
				values (:actor, :addr, :requestId, :action, :entityType, :entityId, :orgId, :summary,
				        cast(:changes as jsonb))
				""")
			.param("actor", entry.actor() != null ? entry.actor() : currentActor())
			.param("addr", currentAddress())
			.param("requestId", MDC.get("requestId"))
			.param("action", entry.action())
			.param("entityType", entry.entityType())
			.param("entityId", entry.entityId())
			.param("orgId", entry.orgId())
			.param("summary", truncate(summary(entry), 500))
			.param("changes", entry.changes().isEmpty() ? null : json.writeValueAsString(entry.changes()))
			.update();
	}

	/**
	 * Writes many entries in one statement, in the order given (a chamber import's thousands of
	 * new organisations), each as {@link #record} would; joins the caller's transaction.
	 */
	@Transactional
	public void recordAll(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		int n = entries.size();
		String actor = currentActor();
		String[] actors = new String[n];
		String[] actions = new String[n];
		String[] types = new String[n];
		String[] ids = new String[n];
		Long[] orgs = new Long[n];
		String[] summaries = new String[n];
		String[] changes = new String[n];
		for (int i = 0; i < n; i++) {
			AuditEntry entry = entries.get(i);
			actors[i] = entry.actor() != null ? entry.actor() : actor;
			actions[i] = entry.action();
			types[i] = entry.entityType();
			ids[i] = entry.entityId();
			orgs[i] = entry.orgId();
			summaries[i] = truncate(summary(entry), 500);
			changes[i] = entry.changes().isEmpty() ? null : json.writeValueAsString(entry.changes());
		}
		jdbc.sql("""
				insert into audit_log (actor, remote_addr, request_id, action, entity_type, entity_id, org_id,
				                       summary, changes)
				select e.actor, cast(:addr as varchar), cast(:requestId as varchar), e.action, e.type, e.id, e.org,
				       e.summary, cast(e.changes as jsonb)
				from unnest(cast(:actors as varchar[]), cast(:actions as varchar[]), cast(:types as varchar[]),
				            cast(:ids as varchar[]), cast(:orgs as bigint[]), cast(:summaries as varchar[]),
				            cast(:changes as text[])) with ordinality
				     as e(actor, action, type, id, org, summary, changes, n)
				order by e.n
				""")
			.param("addr", currentAddress())
			.param("requestId", MDC.get("requestId"))
			.param("actors", actors)
			.param("actions", actions)
			.param("types", types)
			.param("ids", ids)
			.param("orgs", orgs)
			.param("summaries", summaries)
			.param("changes", changes)
			.update();
	}

	@Transactional(readOnly = true)
	public Page<AuditRecord> search(AuditFilter filter, Pageable pageable) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new java.util.HashMap<>();
		if (filter.has(filter.actor())) {
			where.add("lower(actor) = lower(:actor)");
			params.put("actor", filter.actor().trim());
		}
		if (filter.has(filter.action())) {
			where.add("action = :action");
			params.put("action", filter.action().trim());
		}
		if (filter.has(filter.entityType())) {
			where.add("entity_type = :entityType");
			params.put("entityType", filter.entityType().trim());
		}
		if (filter.has(filter.entityId())) {
			where.add("entity_id = :entityId");
			params.put("entityId", filter.entityId().trim());
		}
		if (filter.from() != null) {
			where.add("occurred_at >= :from");
			params.put("from", filter.from().atStartOfDay(clock.getZone()).toOffsetDateTime());
		}
		if (filter.to() != null) {
			where.add("occurred_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
		}
		return page(where.isEmpty() ? "" : " where " + String.join(" and ", where), params, pageable);
	}

	/**
	 * One record's history as an organisation may read it: entries written on behalf of one of
	 * {@code orgIds}, plus entries of {@code everyoneSees} (e.g. changes of facts that every holder
	 * shares); {@code orgIds} null reads every entry.
	 */
	@Transactional(readOnly = true)
	public Page<AuditRecord> history(String entityType, String entityId, Collection<Long> orgIds,
			Collection<String> everyoneSees, Pageable pageable) {
		String clause = " where entity_type = :type and entity_id = :id"
				+ (orgIds == null ? "" : " and (org_id = any(:orgs) or action = any(:shared))");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("type", entityType);
		params.put("id", entityId);
		if (orgIds != null) {
			params.put("orgs", orgIds.toArray(Long[]::new));
			params.put("shared", everyoneSees.toArray(String[]::new));
		}
		return page(clause, params, pageable);
	}

	private Page<AuditRecord> page(String clause, Map<String, Object> params, Pageable pageable) {
		long total = jdbc.sql("select count(*) from audit_log" + clause).params(params).query(Long.class).single();
		List<AuditRecord> rows = jdbc.sql("""
				select id, occurred_at, actor, remote_addr, request_id, action, entity_type, entity_id, org_id,
				       summary, changes::text as changes
				from audit_log""" + clause + " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(AuditRecord.class)
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** The distinct action names seen so far, for the filter drop-down. */
	@Transactional(readOnly = true)
	public List<String> actions() {
		return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
