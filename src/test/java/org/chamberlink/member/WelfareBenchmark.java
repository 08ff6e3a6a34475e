package org.chamberlink.member;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.DataScope;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.welfare.Pairings;
import org.chamberlink.welfare.WelfareFigures;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Public welfare (issue 19) at a province's scale, part of {@link MemberBenchmark}
 * ({@code BENCHMARK_ONLY=welfare}).
 * <p>
 * 20,000 villages under the townships of the generated province's counties (each kept by its
 * county federation), 100,000 pairings (five per village, the responsible organisation one of the
 * county's subtree, one in five ended), each with two member enterprises of the county and every
 * third also a chamber, 300,000 projects (three per pairing) with 600,000 dated payments (one
 * project in ten delivered above what it committed), and an adviser per village, a person member
 * of the county — inserted set-based as set-up. Then the province's welfare figures (the figures
 * API with its drill-down by city, in process, the figures page) and a county's pairing list (API
 * and page) are timed, their statements alone over JDBC, and their plans written
 * (target/benchmark/welfare-plans.md).
 */
final class WelfareBenchmark {

	static final int VILLAGES = 20_000;

	static final int PAIRINGS_PER_VILLAGE = 5;

	static final int PROJECTS_PER_PAIRING = 3;

	private static final String PASSWORD = "Benchmark-Passw0rd-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private final MemberBenchmark benchmark;

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate raw;

	private final List<String> results;

	private final List<String> plans = new ArrayList<>();

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	WelfareBenchmark(MemberBenchmark benchmark, ConfigurableApplicationContext context, JdbcClient jdbc, List<String> results) {
		this.benchmark = benchmark;
		this.context = context;
		this.jdbc = jdbc;
		this.raw = new NamedParameterJdbcTemplate(context.getBean(DataSource.class));
		this.results = results;
		this.base = "http://localhost:" + benchmark.port();
	}

	void run(Path dir, long province, long countyId, AccountPrincipal provinceUser, AccountPrincipal countyUser, String provinceToken,
			String countyToken) throws Exception {
		// a set-up cut short (each statement commits on its own) is done again
		long existing = jdbc.sql("select count(*) from welfare_village where name like '基准村%'").query(Long.class).single();
		long pairingsThere = jdbc.sql("select count(*) from welfare_pairing").query(Long.class).single();
		long advisersThere = jdbc.sql("select count(*) from welfare_adviser").query(Long.class).single();
		if (existing != VILLAGES || pairingsThere != (long) VILLAGES * PAIRINGS_PER_VILLAGE || advisersThere == 0) {
			long started = System.nanoTime();
			generate(province);
			results.add(String.format(Locale.ROOT,
					"|   set-up: %,d villages, %,d pairings (%,d helpers), %,d projects, %,d payments, %,d advisers inserted set-based | %.1f s | — |",
					count("welfare_village"), count("welfare_pairing"), count("welfare_pairing_party"), count("welfare_project"),
					count("welfare_payment"), count("welfare_adviser"), (System.nanoTime() - started) / 1e9));
		}
		results.add(String.format(Locale.ROOT,
				"| Welfare: %,d villages, %,d pairings, %,d helpers, %,d projects, %,d payments, %,d advisers; load average %s | — | — |",
				count("welfare_village"), count("welfare_pairing"), count("welfare_pairing_party"), count("welfare_project"),
				count("welfare_payment"), count("welfare_adviser"), MemberBenchmark.loadAverage()));

		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
		LocalDate twoYears = LocalDate.of(today.getYear() - 1, 1, 1);
		WelfareFigures figures = context.getBean(WelfareFigures.class);
		var totals = as(provinceUser, () -> figures.totals(province, yearStart, today));
		results.add(String.format(Locale.ROOT,
				"| The province this year: %,d enterprises, %,d chambers, %,d villages, %,d advisers, %,d projects, ¥%,d committed, ¥%,d delivered, %,d of %,d involved | — | — |",
				totals.enterprises(), totals.chambers(), totals.villages(), totals.advisers(), totals.projects(),
				totals.committedFen() / 100, totals.deliveredFen() / 100, totals.involved(), totals.all()));

		// A county's pairing list (first page, 20 rows, newest first), as the county user.
		Pairings pairings = context.getBean(Pairings.class);
		long countyPairings = as(countyUser, () -> pairings.search(countyId, null, PageRequest.of(0, 20)).getTotalElements());
		row(String.format(Locale.ROOT, "County pairing list, first page (GET /api/v1/welfare/pairings?orgId=&size=20, %,d pairings)",
				countyPairings), MemberBenchmark.measure(100,
						i -> benchmark.get("/api/v1/welfare/pairings?orgId=" + countyId + "&size=20", countyToken)), "p95 ≤ 50 ms");
		Session countySession = signedIn(countyUser.getUsername());
		row("  the page (GET /welfare/pairings?orgId=), county user",
				MemberBenchmark.measure(100, i -> page(countySession, "/welfare/pairings?orgId=" + countyId)), "p95 ≤ 50 ms");
		row("  the page's tenth page (GET /welfare/pairings?orgId=&page=9)",
				MemberBenchmark.measure(50, i -> page(countySession, "/welfare/pairings?orgId=" + countyId + "&page=9")), "p95 ≤ 50 ms");
		row("  in process (Pairings.search)", MemberBenchmark.measure(100,
				i -> as(countyUser, () -> pairings.search(countyId, null, PageRequest.of(0, 20)))), "");
		DataScope county = DataScope.subtree(path(countyId));
		Map<String, Object> listParams = new HashMap<>(county.param());
		String listSql = LIST_COLUMNS + " where " + county.on("p.org_path")
				+ " order by p.starts_on desc, p.id desc limit 20 offset 0";
		String countSql = "select count(*) from welfare_pairing p where " + county.on("p.org_path");
		row("  its SQL over JDBC (the page's rows)", MemberBenchmark.measure(100, i -> raw.queryForList(listSql, listParams)), "");
		row("  its count over JDBC", MemberBenchmark.measure(100, i -> raw.queryForObject(countSql, listParams, Long.class)), "");
		explain("County pairing list, first page", listSql, listParams);
		explain("County pairing count", countSql, listParams);
		row("Pairing list, province user, first page (API)", MemberBenchmark.measure(20,
				i -> benchmark.get("/api/v1/welfare/pairings?size=20", provinceToken)), "—");


		String figure = "/api/v1/organizations/" + province + "/figures/";
		row("Welfare figures, whole province, this year, with the drill-down by city (GET …/figures/welfare.delivered)",
				MemberBenchmark.measure(50, i -> benchmark.get(figure + "welfare.delivered", provinceToken)), "p95 ≤ 200 ms");
		row("  the same over two years (from " + twoYears + ")",
				MemberBenchmark.measure(20, i -> benchmark.get(figure + "welfare.delivered?from=" + twoYears, provinceToken)),
				"p95 ≤ 200 ms");
		row("  participation rate, whole province, this year (GET …/figures/welfare.participation)",
				MemberBenchmark.measure(20, i -> benchmark.get(figure + "welfare.participation", provinceToken)), "p95 ≤ 200 ms");
		row("  the province's totals alone, in process (WelfareFigures.totals)",
				MemberBenchmark.measure(20, i -> as(provinceUser, () -> figures.totals(province, yearStart, today))), "");
		row("  the province with its drill-down by city, in process (WelfareFigures.drillDown)",
				MemberBenchmark.measure(20, i -> as(provinceUser, () -> figures.drillDown(province, yearStart, today))), "");
		MemberFigures memberFigures = context.getBean(MemberFigures.class);
		row("  of which the member enterprises by city (MemberFigures.enterprisesBelow, the member module's tally)",
				MemberBenchmark.measure(20, i -> as(provinceUser, () -> memberFigures.enterprisesBelow(province))), "");
		row("  (the whole member structure by city, MemberFigures.below, for comparison)",
				MemberBenchmark.measure(20, i -> as(provinceUser, () -> memberFigures.below(province))), "");
		String provincePath = path(province);
		Map<String, Object> figureParams = new HashMap<>(DataScope.subtree(provincePath).param());
		figureParams.put("from", yearStart);
		figureParams.put("to", today);
		figureParams.put("cut", provincePath.length() + 1);
		figureParams.put("own", province);
		figureParams.put("today", today);
		figureParams.put("path", provincePath);
		figureParams.put("fromMonth", yearStart.withDayOfMonth(1));
		figureParams.put("toMonth", today.withDayOfMonth(1));
		Map<String, Object> twoYearParams = new HashMap<>(figureParams);
		twoYearParams.put("from", twoYears);
		twoYearParams.put("fromMonth", twoYears.withDayOfMonth(1));
		// the pre-counted statement (V134) and the one counting the rows themselves answer the same
		String figureSql = WelfareFigures.reachSql(false, DataScope.subtree(provincePath));
		String drillSql = WelfareFigures.reachSql(true, DataScope.subtree(provincePath));
		String directSql = figureSql(DataScope.subtree(provincePath), false);
		String directDrillSql = figureSql(DataScope.subtree(provincePath), true);
		for (Map<String, Object> params : List.of(figureParams, twoYearParams)) {
			boolean same = sorted(raw.queryForList(drillSql, params)).equals(sorted(raw.queryForList(directDrillSql, params)))
					&& sorted(raw.queryForList(figureSql, params)).equals(sorted(raw.queryForList(directSql, params)));
			results.add("| The province's pre-counted sums (from " + params.get("from") + ") equal those counted from the rows, with and"
					+ " without the drill-down | " + (same ? "yes" : "**no**") + " | equal |");
		}
		row("  the province's sums alone (SQL, pre-counted, this year)",
				MemberBenchmark.measure(20, i -> raw.queryForList(figureSql, figureParams)), "");
		row("  the province's sums with the drill-down by city (SQL, pre-counted, this year)",
				MemberBenchmark.measure(20, i -> raw.queryForList(drillSql, figureParams)), "");
		row("  the same, two years (SQL, pre-counted)",
				MemberBenchmark.measure(20, i -> raw.queryForList(drillSql, twoYearParams)), "");
		row("  the province's sums with the drill-down counted from the rows (the former statement, SQL, this year)",
				MemberBenchmark.measure(10, i -> raw.queryForList(directDrillSql, figureParams)), "");
		explain("Province welfare sums, this year (pre-counted)", figureSql, figureParams);
		explain("Province welfare sums with the drill-down by city, this year (pre-counted)", drillSql, figureParams);
		explain("Province welfare sums with the drill-down, two years (pre-counted)", drillSql, twoYearParams);
		explain("Province welfare sums with the drill-down by city, this year (counted from the rows)", directDrillSql, figureParams);

		Session provinceSession = signedIn(provinceUser.getUsername());
		row("Welfare figures page, whole province, this year (GET /figures/welfare: totals, drill-down, chart)",
				MemberBenchmark.measure(20, i -> page(provinceSession, "/figures/welfare")), "p95 ≤ 200 ms");

		Files.writeString(dir.resolve("welfare-plans.md"), String.join("\n", plans) + "\n");
		System.out.println("Plans written to " + dir.resolve("welfare-plans.md"));
	}

	/** The pairing list's statement as Pairings builds it (its columns with the pairing's tally of its projects' money). */
	private static final String LIST_COLUMNS = """
			select p.id, p.org_id, p.org_path, p.village_id, v.name as village_name, v.township_code, p.starts_on, p.ends_on,
			       array_to_string(p.kinds, ',') as kinds, p.status, p.note, p.version,
			       coalesce(t.projects, 0) as projects, coalesce(t.committed_fen, 0) as committed_fen,
			       coalesce(t.delivered_fen, 0) as delivered_fen,
			       array_to_string(array(select coalesce(x.party_id, 0) from welfare_pairing_party x where x.pairing_id = p.id
			         and x.party_id is not null order by x.party_id), ',') as party_ids,
			       array_to_string(array(select x.chamber_id from welfare_pairing_party x where x.pairing_id = p.id
			         and x.chamber_id is not null order by x.chamber_id), ',') as chamber_ids
			from welfare_pairing p join welfare_village v on v.id = p.village_id
			left join welfare_pairing_tally t on t.pairing_id = p.id
			""";

	/** A result's rows as text, in order, to compare two statements' answers. */
	private static List<String> sorted(List<Map<String, Object>> rows) {
		return rows.stream().map(row -> new java.util.TreeMap<>(row).toString()).sorted().toList();
	}

	/** The figures' statement as WelfareFigures builds it for a subtree, with its drill-down ({@code grouped}) or without. */
	private static String figureSql(DataScope subtree, boolean grouped) {
		return WelfareFigures.sumsSql(grouped, subtree);
	}

	/** Villages, pairings, helpers, projects, payments and advisers over the province's counties, set-based. */
	private void generate(long province) {
		System.out.println("Generating the province's welfare …");
		jdbc.sql("truncate welfare_agreement_visit, welfare_agreement, welfare_transfer, welfare_receipt, welfare_pledge, "
				+ "welfare_campaign, welfare_progress, welfare_payment, welfare_pairing_tally, welfare_project, welfare_adviser, welfare_pairing_party, "
				+ "welfare_pairing, welfare_village, welfare_reach, welfare_reach_day, welfare_figure_late").update();
		jdbc.sql("drop table if exists bench_w_ent, bench_w_person, bench_w_county, bench_w_org, bench_w_village, bench_w_pairing")
			.update();
		// current memberships of enterprises and of persons, each in path order: a subtree is one run of rn
		jdbc.sql("""
				create unlogged table bench_w_ent as
				select row_number() over (order by org_path, party_id) as rn, party_id, org_path
				from membership where left_on is null and party_kind = 'ENTERPRISE'
				""").update();
		jdbc.sql("""
				create unlogged table bench_w_person as
				select row_number() over (order by org_path, party_id) as rn, party_id, org_path
				from membership where left_on is null and party_kind = 'PERSON'
				""").update();
		// the province's county federations whose region has townships, numbered, with their runs and townships
		jdbc.sql("""
				create unlogged table bench_w_county as
				with e as (select org_path, min(rn) as lo, max(rn) as hi from bench_w_ent group by org_path),
				     p as (select org_path, min(rn) as lo, max(rn) as hi from bench_w_person group by org_path),
				     c as (select o.id, o.path, o.region_code,
				                  array(select r.code from region r where r.parent_code = o.region_code and r.level = 'TOWNSHIP'
				                        order by r.code) as townships
				           from organization o
				           where o.type = 'FEDERATION' and o.level = 'COUNTY' and o.path like '/' || :province || '/%')
				select row_number() over (order by c.path) - 1 as k, c.*,
				       (select min(lo) from e where e.org_path like c.path || '%') as ent_lo,
				       (select max(hi) from e where e.org_path like c.path || '%') as ent_hi,
				       (select min(lo) from p where p.org_path like c.path || '%') as per_lo,
				       (select max(hi) from p where p.org_path like c.path || '%') as per_hi
				from c where cardinality(c.townships) > 0
				""").param("province", province).update();
		jdbc.sql("delete from bench_w_county where ent_lo is null or per_lo is null or ent_hi - ent_lo < 2").update();
		jdbc.sql("update bench_w_county b set k = n.k from (select id, row_number() over (order by path) - 1 as k from bench_w_county) n"
				+ " where n.id = b.id").update();
		// every active organisation of each county's subtree, numbered within it: the organisations responsible
		jdbc.sql("""
				create unlogged table bench_w_org as
				select c.k, row_number() over (partition by c.k order by o.path) - 1 as j, o.id, o.path, o.type
				from bench_w_county c join organization o on o.path like c.path || '%' and o.status = 'ACTIVE'
				""").update();
		jdbc.sql("create index on bench_w_org (k, j)").update();
		jdbc.sql("alter table bench_w_county add column orgs bigint").update();
		jdbc.sql("update bench_w_county c set orgs = (select count(*) from bench_w_org o where o.k = c.k)").update();
		long counties = jdbc.sql("select count(*) from bench_w_county").query(Long.class).single();
		System.out.println("  " + counties + " counties");
		// villages: round the counties, each through its townships; kept by the county federation
		jdbc.sql("""
				insert into welfare_village (org_id, org_path, township_code, name, stat_code, relief_status)
				select c.id, c.path, c.townships[1 + (n / :counties) % cardinality(c.townships)], '基准村' || n,
				       c.townships[1 + (n / :counties) % cardinality(c.townships)] || lpad(((n / :counties) % 1000)::text, 3, '0'),
				       (array['LIFTED', 'KEY_SUPPORT', 'OTHER', 'LIFTED'])[1 + n % 4]
				from generate_series(0, :villages - 1) n join bench_w_county c on c.k = n % :counties
				""").param("counties", counties).param("villages", VILLAGES).update();
		jdbc.sql("""
				create unlogged table bench_w_village as
				select v.id, v.org_path, c.k, row_number() over (order by v.id) - 1 as n
				from welfare_village v join bench_w_county c on c.id = v.org_id
				""").update();
		System.out.println("  villages");
		// pairings: five per village, the responsible organisation one of the county's subtree, started within
		// three years; the fifth of each village ended a year after it started
		jdbc.sql("""
				create unlogged table bench_w_pairing as
				select v.id as village_id, v.k, v.n * :per + s as m, s, o.id as org_id, o.path as org_path, o.type as org_type,
				       current_date - ((v.n * 7 + s * 131) % 1095)::int as starts_on
				from bench_w_village v cross join generate_series(0, :per - 1) s
				join bench_w_county c on c.k = v.k
				join bench_w_org o on o.k = v.k and o.j = (v.n * 31 + s * 7) % c.orgs
				""").param("per", PAIRINGS_PER_VILLAGE).update();
		jdbc.sql("""
				insert into welfare_pairing (org_id, org_path, village_id, starts_on, ends_on, kinds, status, note)
				select org_id, org_path, village_id, starts_on, case when s = 4 then starts_on + 365 end,
				       case m % 4 when 0 then array['INDUSTRY', 'EMPLOYMENT'] when 1 then array['CONSUMPTION']
				                  when 2 then array['EDUCATION', 'HEALTH'] else array['INFRASTRUCTURE', 'DONATION'] end,
				       case when s = 4 and starts_on + 365 < current_date then 'ENDED' else 'ACTIVE' end, '基准结对 ' || m
				from bench_w_pairing order by m
				""").update();
		System.out.println("  pairings");
		// helpers: two member enterprises of the county, and every third pairing its chamber (or the county's first)
		jdbc.sql("""
				insert into welfare_pairing_party (pairing_id, party_id)
				select p.id, e.party_id
				from welfare_pairing p join bench_w_county c on p.org_path like c.path || '%'
				cross join generate_series(0, 1) t
				join bench_w_ent e on e.rn = c.ent_lo + (p.id * 104729 + t * 7) % (c.ent_hi - c.ent_lo + 1)
				on conflict do nothing
				""").update();
		jdbc.sql("""
				insert into welfare_pairing_party (pairing_id, chamber_id)
				select p.id, p.org_id from welfare_pairing p where p.id % 3 = 0
				""").update();
		System.out.println("  helpers");
		// projects: three per pairing, a month apart from its start; payments: two each, 40 % of what was
		// committed each (one project in ten 70 %: delivered above committed), dated by today at the latest
		jdbc.sql("""
				insert into welfare_project (pairing_id, org_path, name, kind, committed_fen, goods_fen, people_employed, beneficiaries,
				                             started_on, completed_on)
				select p.id, p.org_path, '基准项目 ' || p.id || '-' || s, p.kinds[1],
				       (20000 + (p.id * 7919 + s * 104729) % 480000) * 100, case when s = 2 then (p.id % 50) * 100000 else 0 end,
				       (p.id + s) % 12, 20 + (p.id * 13 + s) % 300, least(p.starts_on + s * 30, current_date),
				       case when s = 0 and p.starts_on + 200 < current_date then p.starts_on + 200 end
				from welfare_pairing p cross join generate_series(0, :per - 1) s
				""").param("per", PROJECTS_PER_PAIRING).update();
		jdbc.sql("""
				insert into welfare_payment (project_id, org_path, paid_on, amount_fen, note)
				select j.id, j.org_path, least(j.started_on + (t + 1) * 45, current_date),
				       j.committed_fen * case when j.id % 10 = 0 then 70 else 40 end / 100, '基准拨付'
				from welfare_project j cross join generate_series(0, 1) t
				""").update();
		System.out.println("  projects and payments");
		// an adviser per village: a person member of the county, for a three-year term
		jdbc.sql("""
				insert into welfare_adviser (org_id, org_path, village_id, party_id, starts_on, ends_on)
				select c.id, c.path, v.id, pe.party_id, current_date - (v.n % 900)::int, current_date - (v.n % 900)::int + 1095
				from bench_w_village v join bench_w_county c on c.k = v.k
				join bench_w_person pe on pe.rn = c.per_lo + (v.n * 7919) % (c.per_hi - c.per_lo + 1)
				""").update();
		jdbc.sql("drop table bench_w_ent, bench_w_person, bench_w_county, bench_w_org, bench_w_village, bench_w_pairing").update();
		jdbc.sql("vacuum analyze welfare_village, welfare_pairing, welfare_pairing_party, welfare_pairing_tally, welfare_project, welfare_payment, welfare_adviser")
			.update();
	}

	// ---------------------------------------------------------------- helpers

	/** A measured row, with the machine's load average (1, 5 min) when it was measured. */
	private void row(String what, double[] millis, String goal) {
		benchmark.row(what + " — load " + MemberBenchmark.loadAverage(), millis, goal);
	}

	private record Session(String[] cookie) {
	}

	/** A staff account's browser session, signed in with the benchmark's password. */
	private Session signedIn(String username) throws Exception {
		Session session = new Session(new String[2]);
		send(session, get("/login", session));
		HttpResponse<String> response = send(session, post("/login", session,
				Map.of("username", username, "password", PASSWORD)));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed");
		}
		return session;
	}

	private void page(Session session, String path) throws Exception {
		HttpResponse<String> response = http.send(get(path, session), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " -> " + response.statusCode());
		}
	}

	private HttpRequest get(String path, Session session) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
			.header("Accept", "text/html").header("Accept-Language", "zh-CN");
		if (session.cookie()[0] != null) {
			builder.header("Cookie", "SESSION=" + session.cookie()[0]);
		}
		return builder.GET().build();
	}

	private HttpRequest post(String path, Session session, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(enc(name)).append('=').append(enc(value)).append('&'));
		body.append("_csrf=").append(enc(session.cookie()[1]));
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
			.header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded");
		if (session.cookie()[0] != null) {
			builder.header("Cookie", "SESSION=" + session.cookie()[0]);
		}
		return builder.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
	}

	private HttpResponse<String> send(Session session, HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			Matcher found = SESSION.matcher(cookie);
			if (cookie.startsWith("SESSION=") && found.find()) {
				session.cookie()[0] = found.group(1);
			}
		}
		Matcher csrf = CSRF.matcher(response.body());
		if (csrf.find()) {
			session.cookie()[1] = csrf.group(1);
		}
		return response;
	}

	private void explain(String label, String sql, Map<String, Object> params) {
		List<String> plan = raw.queryForList("explain (analyze, buffers) " + sql, params, String.class);
		plans.add("### " + label);
		plans.add("");
		plans.add("```");
		plans.addAll(plan);
		plans.add("```");
		plans.add("");
		System.out.println(label + ":");
		plan.forEach(line -> System.out.println("    " + line));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private String path(long orgId) {
		return jdbc.sql("select path from organization where id = :id").param("id", orgId).query(String.class).single();
	}

	private static <T> T as(AccountPrincipal account, Supplier<T> work) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
