package org.chamberlink.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Casework at a province's scale, part of {@link MemberBenchmark} ({@code BENCHMARK_ONLY=casework}):
 * one case for every fifth membership (about 200,000: six in ten needs, three complaints, one
 * mediation, filed over two years, most closed and rated, some overdue, one in twenty transferred),
 * inserted set-based as set-up, then the figures and lists people open every day are timed
 * through the API. The issue names no speed; the goals are those of the member list and figures.
 */
final class CaseworkBenchmark {

	private final MemberBenchmark benchmark;

	private final JdbcClient jdbc;

	private final List<String> results;

	CaseworkBenchmark(MemberBenchmark benchmark, JdbcClient jdbc, List<String> results) {
		this.benchmark = benchmark;
		this.jdbc = jdbc;
		this.results = results;
	}

	void run(long province, long countyId, String provinceToken, String countyToken) throws Exception {
		long cases = jdbc.sql("select count(*) from service_case").query(Long.class).single();
		if (cases < 150_000) {
			long started = System.nanoTime();
			generate();
			cases = jdbc.sql("select count(*) from service_case").query(Long.class).single();
			results.add(String.format(Locale.ROOT, "|   set-up: %,d cases and their holders inserted in one statement each | %.2f s | — |",
					cases, (System.nanoTime() - started) / 1e9));
		}
		long countyCases = jdbc.sql("select count(*) from service_case c join organization o on o.id = :county "
				+ "where c.org_path like o.path || '%'").param("county", countyId).query(Long.class).single();
		results.add(String.format(Locale.ROOT, "| Casework: %,d cases in the province, %,d in the county | — | — |", cases,
				countyCases));
		int year = LocalDate.now().getYear();
		benchmark.row("Case figures, whole province, this year (API)", MemberBenchmark.measure(50,
				i -> benchmark.get("/api/v1/organizations/" + province + "/case-figures", provinceToken)), "p95 ≤ 200 ms");
		benchmark.row("Case figures, whole province, two years (API)", MemberBenchmark.measure(20,
				i -> benchmark.get("/api/v1/organizations/" + province + "/case-figures?from=" + (year - 1) + "-01-01",
						provinceToken)), "p95 ≤ 200 ms");
		benchmark.row("Case figures by city, drill-down (API)", MemberBenchmark.measure(20,
				i -> benchmark.get("/api/v1/organizations/" + province + "/case-figures/below", provinceToken)), "—");
		benchmark.row("Case list, county user, open cases, first page (API)", MemberBenchmark.measure(100,
				i -> benchmark.get("/api/v1/cases?open=true&size=20", countyToken)), "p95 ≤ 50 ms");
		benchmark.row("Overdue list, county user, first page (API)", MemberBenchmark.measure(100,
				i -> benchmark.get("/api/v1/cases?overdue=true&size=20", countyToken)), "p95 ≤ 50 ms");
		benchmark.row("Case list, province user, first page (API)", MemberBenchmark.measure(50,
				i -> benchmark.get("/api/v1/cases?size=20", provinceToken)), "p95 ≤ 50 ms");
		// what any authenticated call costs on this machine at this moment, for scale beside the lists
		benchmark.row("  for scale: GET /api/v1/me, the county token (HTTP, authentication, JSON)",
				MemberBenchmark.measure(100, i -> benchmark.get("/api/v1/me", countyToken)), "—");
		Long some = jdbc.sql("select max(id) from service_case where kind = 'COMPLAINT'").query(Long.class).single();
		String number = "TS" + jdbc.sql("select extract(year from filed_at at time zone 'Asia/Shanghai')::int from service_case "
				+ "where id = :id").param("id", some).query(Integer.class).single() + "-" + String.format("%06d", some);
		benchmark.row("Case by number (" + number + "), province user (API)", MemberBenchmark.measure(50,
				i -> benchmark.get("/api/v1/cases?keyword=" + number, provinceToken)), "p95 ≤ 100 ms");
	}

	/** About 200,000 cases over the generated memberships, as a province would have after two years. */
	private void generate() {
		jdbc.sql("truncate case_step, case_attachment, mediation_party, mediation_session, case_holder, service_case, visit")
			.update();
		jdbc.sql("""
				insert into service_case (kind, category, state, channel, org_id, org_path, title, description, party_id,
				    filed_by, filed_at, accept_due_on, accepted_at, resolve_due_on, closed_at, outcome, respondent_kind,
				    amount_involved_fen, amount_recovered_fen, mediation_result, rating, rated_via, rated_at, transfers)
				select kind, category, state, 'STAFF', org_id, org_path, '基准事项 ' || n, '基准数据', party_id, 'benchmark',
				       filed, filed::date + 5, case when state <> 'SUBMITTED' then filed + interval '1 day' end,
				       case when state <> 'SUBMITTED' then filed::date + 30 end,
				       case when state in ('RESOLVED', 'UNRESOLVED', 'REJECTED') then filed + (1 + n % 40) * interval '1 day' end,
				       case when state in ('RESOLVED', 'UNRESOLVED', 'REJECTED') then '已办理' end,
				       case when kind = 'COMPLAINT' then 'AUTHORITY' end,
				       case when kind = 'COMPLAINT' then (n % 100) * 100000 end,
				       case when kind = 'COMPLAINT' and state = 'RESOLVED' then (n % 50) * 100000 end,
				       case when kind = 'MEDIATION' and state = 'RESOLVED' then 'AGREEMENT'
				            when kind = 'MEDIATION' and state = 'UNRESOLVED' then 'FAILED' end,
				       case when state in ('RESOLVED', 'UNRESOLVED') and n % 10 < 7
				            then case n % 20 when 0 then 2 when 1 then 3 else 4 + n % 2 end end,
				       case when state in ('RESOLVED', 'UNRESOLVED') and n % 10 < 7 then 'PORTAL' end,
				       case when state in ('RESOLVED', 'UNRESOLVED') and n % 10 < 7 then filed + interval '45 days' end,
				       case when n % 20 = 3 then 1 else 0 end
				from (select m.*,
				             case when n % 10 < 6 then 'NEED' when n % 10 < 9 then 'COMPLAINT' else 'MEDIATION' end as kind,
				             case when n % 10 < 6 then (array['FINANCING','TALENT','LEGAL','POLICY','MARKET','LAND','UTILITIES',
				                  'ENVIRONMENTAL_PERMIT','OTHER_NEED'])[1 + (n / 10) % 9]
				                  when n % 10 < 9 then (array['CONSULTATION','COMPLAINT','ARBITRARY_CHARGES'])[1 + (n / 10) % 3]
				                  else (array['CONTRACT','DEBT','PARTNERSHIP','LABOUR','INTELLECTUAL_PROPERTY','OTHER_DISPUTE'])[1 + (n / 10) % 6]
				             end as category,
				             case when (n / 7) % 20 < 2 then 'SUBMITTED' when (n / 7) % 20 < 4 then 'ACCEPTED'
				                  when (n / 7) % 20 < 6 then 'IN_PROGRESS' when (n / 7) % 20 < 17 then 'RESOLVED'
				                  when (n / 7) % 20 < 19 then 'UNRESOLVED' else 'REJECTED' end as state,
				             now() - ((n * 7919) % 730) * interval '1 day' - (n % 86400) * interval '1 second' as filed
				      from (select id, org_id, org_path, party_id, row_number() over (order by id) as n
				            from membership where id % 5 = 0) m) generated
				""").update();
		jdbc.sql("insert into case_holder (case_id, org_id, org_path, current) select id, org_id, org_path, true from service_case").update();
		jdbc.sql("vacuum analyze service_case, case_holder").update();
	}

}
