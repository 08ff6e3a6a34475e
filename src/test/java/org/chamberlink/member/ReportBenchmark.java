package org.chamberlink.member;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.BenchmarkPrincipals;
import org.chamberlink.identity.Role;
import org.chamberlink.report.StatisticalReturns;
import org.chamberlink.report.WorkReports;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The statistical return and the annual work report (issue 22) at a province's scale, part of
 * {@link MemberBenchmark} ({@code BENCHMARK_ONLY=report}): every active organisation of the kept
 * province opens (pre-fills) its return for last year, leaves first, each as itself; then, as set-up,
 * every return below the province is accepted (SQL), and the province's own return is opened again
 * — its consolidation from the accepted returns directly below plus its own level's records; then
 * the province's annual work report is generated as .docx and converted to PDF.
 */
final class ReportBenchmark {

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private final List<String> results;

	ReportBenchmark(ConfigurableApplicationContext context, JdbcClient jdbc, List<String> results) {
		this.context = context;
		this.jdbc = jdbc;
		this.results = results;
	}

	void run(long province, AccountPrincipal provinceUser) {
		StatisticalReturns returns = context.getBean(StatisticalReturns.class);
		WorkReports reports = context.getBean(WorkReports.class);
		int year = returns.today().getYear() - 1;
		String provincePath = jdbc.sql("select path from organization where id = :id").param("id", province).query(String.class).single();
		// a fresh start: earlier runs' returns of the year removed
		jdbc.sql("delete from report_narrative where return_id in (select id from report_return where year = :y)").param("y", year).update();
		jdbc.sql("delete from report_comment where return_id in (select id from report_return where year = :y)").param("y", year).update();
		jdbc.sql("delete from report_step where return_id in (select id from report_return where year = :y)").param("y", year).update();
		jdbc.sql("delete from report_cell where return_id in (select id from report_return where year = :y)").param("y", year).update();
		jdbc.sql("delete from report_return where year = :y").param("y", year).update();
		long orgs = jdbc.sql("select count(*) from organization where status = 'ACTIVE' and path like :p || '%'").param("p", provincePath)
			.query(Long.class).single();
		// the province opens the year's round for its whole subtree, then its own return
		signIn(provinceUser);
		long started = System.nanoTime();
		int opened = returns.prefillBelow(year, null);
		returns.open(year, null);
		double prefill = (System.nanoTime() - started) / 1e9;
		results.add(String.format(Locale.ROOT, "| Pre-fill of the returns of all %,d organisations of the province for %d (%,d below it in"
				+ " one set-based call, StatisticalReturns.prefillBelow, then its own) | %.1f s | ≤ 60 s |", orgs, year, opened, prefill));
		// one return opened alone, for comparison (a chamber opening its own): the same figures, one call per source
		Long sample = jdbc.sql("select org_id from report_return where year = :y and org_id <> :p order by id limit 1").param("y", year)
			.param("p", province).query(Long.class).single();
		Long sampleReturn = jdbc.sql("select id from report_return where org_id = :o and year = :y").param("o", sample).param("y", year)
			.query(Long.class).single();
		jdbc.sql("delete from report_step where return_id = :r").param("r", sampleReturn).update();
		jdbc.sql("delete from report_cell where return_id = :r").param("r", sampleReturn).update();
		jdbc.sql("delete from report_return where id = :r").param("r", sampleReturn).update();
		signIn(BenchmarkPrincipals.at(provinceUser, sample, Role.CHAMBER_ADMIN));
		started = System.nanoTime();
		returns.open(year, null);
		results.add(String.format(Locale.ROOT, "|   one chamber opening its own return alone (one call per source) | %.0f ms | — |",
				(System.nanoTime() - started) / 1e6));
		signIn(provinceUser);

		// level by level, deepest first: a level's returns accepted (SQL), then each return of the level above that
		// has returns below it refreshed by its own staff — consolidated from the accepted returns below plus its own level
		String depth = "array_length(string_to_array(trim(both '/' from o.path), '/'), 1)";
		int deepest = jdbc.sql("select max(" + depth + ") from report_return r join organization o on o.id = r.org_id where r.year = :y")
			.param("y", year).query(Integer.class).single();
		for (int level = deepest - 1; level >= 1; level--) {
			int accepted = jdbc.sql("update report_return r set status = 'ACCEPTED', accepted_at = now() from organization o"
					+ " where o.id = r.org_id and r.year = :y and " + depth + " = :d").param("y", year).param("d", level + 1).update();
			if (level == 1) {
				break;
			}
			List<Map<String, Object>> above = jdbc.sql("select r.id, r.org_id from report_return r join organization o on o.id = r.org_id"
					+ " where r.year = :y and " + depth + " = :d and exists (select 1 from organization c where c.parent_id = o.id)")
				.param("y", year).param("d", level).query().listOfRows();
			started = System.nanoTime();
			for (Map<String, Object> row : above) {
				signIn(BenchmarkPrincipals.at(provinceUser, ((Number) row.get("org_id")).longValue(), Role.FEDERATION_ADMIN));
				returns.refresh(((Number) row.get("id")).longValue(), null);
			}
			results.add(String.format(Locale.ROOT, "|   level %d: %,d returns accepted; %,d returns of the level above refreshed from them, one by one"
					+ " | %.1f s | — |", level + 1, accepted, above.size(), (System.nanoTime() - started) / 1e9));
		}
		signIn(provinceUser);
		Long own = jdbc.sql("select id from report_return where org_id = :o and year = :y").param("o", province).param("y", year)
			.query(Long.class).single();
		jdbc.sql("delete from report_step where return_id = :r").param("r", own).update();
		jdbc.sql("delete from report_cell where return_id = :r").param("r", own).update();
		jdbc.sql("delete from report_return where id = :r").param("r", own).update();
		jdbc.sql("analyze report_cell").update();
		jdbc.sql("analyze report_return").update();
		started = System.nanoTime();
		Long consolidated = returns.open(year, null);
		double consolidation = (System.nanoTime() - started) / 1e9;
		long total = returns.values(consolidated).getOrDefault("mem.total", 0L);
		results.add(String.format(Locale.ROOT, "| The province's return consolidated from the accepted returns directly below plus its own"
				+ " level's records (%,d members) | %.2f s | ≤ 10 s |", total, consolidation));

		reports.saveNarratives(consolidated, Map.of("achievements", "基准测试：全省商会建设成效。", "nextGoals", "基准测试：下一步目标。"));
		started = System.nanoTime();
		byte[] docx = reports.docx(consolidated, Locale.SIMPLIFIED_CHINESE);
		double word = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		byte[] pdf = reports.pdf(consolidated, Locale.SIMPLIFIED_CHINESE);
		double pdfSeconds = (System.nanoTime() - started) / 1e9;
		results.add(String.format(Locale.ROOT, "| The province's annual work report as .docx (%,d KB: three charts, three tables) | %.2f s | ≤ 10 s |",
				docx.length / 1024, word));
		results.add(String.format(Locale.ROOT, "|   the same report as PDF (%,d KB; generates the .docx again, then draws it) | %.2f s | — |",
				pdf.length / 1024, pdfSeconds));
		SecurityContextHolder.clearContext();
	}

	private static void signIn(AccountPrincipal principal) {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
	}

}
