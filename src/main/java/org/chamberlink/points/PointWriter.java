package org.chamberlink.points;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the ledger, set-based: awards of one rule for many source occurrences in one statement
 * (an event's one, a back-fill's thousands), honouring the rule's yearly cap per organisation, and
 * reversals of every standing award of a source. Each statement also adds what it wrote to the
 * organisations' yearly totals. An occurrence already awarded is skipped, so a repeated event or
 * back-fill writes nothing.
 */
@Component
class PointWriter {

	/** One occurrence of a source, at one organisation of the level the rule applies to. */
	record Source(Long orgId, String orgPath, PointLevel level, Long sourceId, String occurrence, Instant occurredAt) {
	}

	private static final String TOTALS = """
			, totals as (
			    insert into point_total (org_id, year, org_level, org_path, points, entries)
			    select org_id, year, min(org_level), min(org_path), sum(points), count(*) from ins group by org_id, year
			    on conflict (org_id, year) do update
			        set points = point_total.points + excluded.points, entries = point_total.entries + excluded.entries
			    returning 1)
			select count(*) from ins
			""";

	private final JdbcClient jdbc;

	PointWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Awards {@code rule} for each source not yet awarded; the number of entries written. */
	int award(PointRule rule, List<Source> sources, boolean backFilled) {
		if (sources.isEmpty()) {
			return 0;
		}
		Long[] orgs = sources.stream().map(Source::orgId).toArray(Long[]::new);
		// one writer per rule and organisation at a time, so the cap holds under concurrent events
		jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended('points:' || :rule || ':' || o, 0))) "
				+ "from (select distinct o from unnest(cast(:orgs as bigint[])) o order by o) locks")
			.param("rule", rule.id())
			.param("orgs", orgs)
			.query(Long.class)
			.single();
		return jdbc.sql("""
				with src as (
				    select s.org_id, s.org_path, s.org_level, s.source_id, s.occurrence, s.occurred_at,
				           cast(extract(year from s.occurred_at at time zone 'Asia/Shanghai') as int) as year
				    from unnest(cast(:orgs as bigint[]), cast(:paths as varchar[]), cast(:levels as varchar[]),
				                cast(:ids as bigint[]), cast(:occurrences as varchar[]), cast(:ats as timestamptz[]))
				         as s(org_id, org_path, org_level, source_id, occurrence, occurred_at)
				), fresh as (
				    select distinct on (src.source_id, src.occurrence) src.* from src
				    where not exists (select 1 from point_entry e where e.kind = 'AWARD' and e.rule_id = :rule
				                      and e.source_type = :type and e.source_id = src.source_id and e.occurrence = src.occurrence)
				), ranked as (
				    select f.*, row_number() over (partition by f.org_id, f.year order by f.occurred_at, f.source_id) as k,
				           greatest(coalesce(cast(:cap as int) - (select coalesce(sum(e.points), 0) from point_entry e
				               where e.org_id = f.org_id and e.year = f.year and e.rule_id = :rule), 2147483647), 0) as room
				    from fresh f
				), granted as (
				    select r.*, least(r.k * :points, r.room) - least((r.k - 1) * :points, r.room) as granted from ranked r
				), ins as (
				    insert into point_entry (rule_id, org_id, org_path, org_level, year, points, kind, source_type, source_id,
				        occurrence, occurred_at, back_filled)
				    select :rule, org_id, org_path, org_level, year, granted, 'AWARD', :type, source_id, occurrence, occurred_at,
				        :backFilled
				    from granted where granted > 0
				    on conflict do nothing
				    returning org_id, org_path, org_level, year, points)
				""" + TOTALS)
			.param("orgs", orgs)
			.param("paths", sources.stream().map(Source::orgPath).toArray(String[]::new))
			.param("levels", sources.stream().map(s -> s.level().name()).toArray(String[]::new))
			.param("ids", sources.stream().map(Source::sourceId).toArray(Long[]::new))
			.param("occurrences", sources.stream().map(s -> s.occurrence() == null ? "" : s.occurrence()).toArray(String[]::new))
			.param("ats", sources.stream().map(s -> Timestamp.from(s.occurredAt())).toArray(Timestamp[]::new))
			.param("rule", rule.id())
			.param("type", rule.action().sourceType())
			.param("cap", rule.yearlyCap())
			.param("points", rule.points())
			.param("backFilled", backFilled)
			.query(Integer.class)
			.single();
	}

	/**
	 * Takes back every award of the source not yet reversed (of any rule) whose occurrence came
	 * before {@code before} (null: all), by a new entry of the opposite points in the award's year.
	 */
	int reverse(String sourceType, Long sourceId, Instant before, Instant at) {
		return jdbc.sql("""
				with awards as (
				    select a.* from point_entry a
				    where a.kind = 'AWARD' and a.source_type = :type and a.source_id = :id
				      and (cast(:before as timestamptz) is null or a.occurred_at < cast(:before as timestamptz))
				      and not exists (select 1 from point_entry r where r.kind = 'REVERSAL' and r.reverses_entry_id = a.id)
				), ins as (
				    insert into point_entry (rule_id, org_id, org_path, org_level, year, points, kind, source_type, source_id,
				        occurrence, occurred_at, reverses_entry_id)
				    select rule_id, org_id, org_path, org_level, year, -points, 'REVERSAL', source_type, source_id, occurrence, :at, id
				    from awards
				    on conflict do nothing
				    returning org_id, org_path, org_level, year, points)
				""" + TOTALS)
			.param("type", sourceType)
			.param("id", sourceId)
			.param("before", before == null ? null : Timestamp.from(before))
			.param("at", Timestamp.from(at))
			.query(Integer.class)
			.single();
	}

}
