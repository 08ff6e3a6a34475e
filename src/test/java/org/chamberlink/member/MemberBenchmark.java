package org.chamberlink.member;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.chamberlink.Application;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.organization.UnifiedSocialCreditCode;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.XlsxWriter;
import org.postgresql.PGConnection;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The member benchmark: fills a province once (see {@link ProvinceGenerator}; kept in
 * target/benchmark between runs), then measures, side by side, what issue 4 sets goals for and
 * prints a Markdown table for docs/benchmarks.md. Run: {@code ./mvnw test-compile exec:exec}.
 * Not a test: it asserts nothing, it measures.
 */
public final class MemberBenchmark {

	static final int WARMUP = 30;

	private static final int RUNS = 200;

	/** The table so far; each line is also printed as soon as it is measured (a long run shows progress). */
	private final List<String> results = new ArrayList<>() {
		@Override
		public boolean add(String line) {
			System.out.println(line);
			return super.add(line);
		}
	};

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private MemberBenchmark(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public static void main(String[] args) throws Exception {
		// ---- honour: BENCHMARK_ONLY=certificates renders 10,000 certificates as one PDF, no database (issue 18)
		if ("certificates".equals(System.getenv("BENCHMARK_ONLY"))) {
			org.chamberlink.honour.web.HonourCertificateBenchmark.main(args);
			return;
		}
		// ---- ops: BENCHMARK_ONLY=load drives two instances behind nginx (ops/two-instances.sh), LOAD_FAULT=kill|postgres|outbox (issue 23)
		if ("load".equals(System.getenv("BENCHMARK_ONLY"))) {
			org.chamberlink.ops.MixedLoad.main(args);
			return;
		}
		// ---- operations: BENCHMARK_ONLY=requestcost times an authenticated no-op from a client JVM, own database (issue 23)
		if ("requestcost".equals(System.getenv("BENCHMARK_ONLY"))) {
			org.chamberlink.identity.RequestCostBenchmark.main(args);
			return;
		}
		Path dir = Path.of("target", "benchmark").toAbsolutePath();
		Files.createDirectories(dir);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			// PORT: application.yml reads server.port from it, over these defaults
			.properties("PORT=0", "server.port=0", "chamberlink.embedded-db.data-directory=" + dir.resolve("postgres"),
					"chamberlink.embedded-db.port=15439", "chamberlink.privacy.key-file=" + dir.resolve("privacy.key"),
					"chamberlink.demo.enabled=false", "chamberlink.admin.password=Benchmark-Passw0rd-1",
					// the province is generated and billed in single statements that run for minutes (decision 54's bound is for requests)
					"chamberlink.database.statement-timeout=0s",
					"logging.level.root=warn", "logging.level.org.chamberlink.request=warn",
					"logging.level.org.chamberlink.member.MemberImport=info",
					"logging.level.org.chamberlink.organization.ChamberImport=info",
					"spring.main.banner-mode=off",
					// the kept province may have been migrated by a branch whose numbers were later filled in below
					"spring.flyway.out-of-order=true")
			.run(args);
		try {
			new MemberBenchmark(context).run(dir);
		}
		finally {
			context.close();
		}
	}

	private void run(Path dir) throws Exception {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		long parties = jdbc.sql("select count(*) from party").query(Long.class).single();
		if (parties < ProvinceGenerator.PARTIES) {
			System.out.println("Generating the province (once; kept in " + dir + ") …");
			long started = System.nanoTime();
			new ProvinceGenerator(context.getBean(DataSource.class), context.getBean(PersonalData.class)).generate();
			System.out.printf("Generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
		}
		cleanUpImport(jdbc);
		long province = jdbc.sql("select id from organization where name = '河北省工商联（基准数据）'").query(Long.class).single();
		Map<String, Object> county = jdbc.sql("""
				select o.id, o.path, o.name, (select count(*) from membership m where m.org_path like o.path || '%') as n
				from organization o where o.type = 'FEDERATION' and o.level = 'COUNTY' and o.region_code = '130102'
				  and o.path like '/' || :province || '/%'
				""").param("province", province).query().singleRow();
		long countyId = ((Number) county.get("id")).longValue();
		String countyPath = (String) county.get("path");

		AccountPrincipal countyUser = account(countyId);
		AccountPrincipal provinceUser = account(province);
		ApiTokens tokens = context.getBean(ApiTokens.class);
		String countyToken = tokens.create(countyUser.id(), "benchmark").secret();
		String provinceToken = tokens.create(provinceUser.id(), "benchmark").secret();

		Map<String, Object> data = jdbc.sql("select (select count(*) from organization) as orgs, "
				+ "(select count(*) from party) as parties, (select count(*) from membership) as memberships").query().singleRow();
		header(data, county);

		// BENCHMARK_ONLY=dues, =export, =import, =chambers, =casework, =activities (=checkins: its check-in burst alone)
		// or =points
		// measures that part alone (on the same province)
		String only = System.getenv("BENCHMARK_ONLY");
		if ("export".equals(only)) {
			signIn(provinceUser);
			exportBenchmark();
			SecurityContextHolder.clearContext();
		}
		else if ("casework".equals(only)) {
			new CaseworkBenchmark(this, jdbc, results).run(province, countyId, provinceToken, countyToken);
		}
		else if ("activities".equals(only) || "checkins".equals(only)) {
			new ActivityBenchmark(this, context, jdbc, results).run(dir, "activities".equals(only), province, countyId, provinceUser, countyUser,
					provinceToken, countyToken);
		}
		else if ("welfare".equals(only)) {
			new WelfareBenchmark(this, context, jdbc, results).run(dir, province, countyId, provinceUser, countyUser, provinceToken,
					countyToken);
		}
		else if ("import".equals(only)) {
			signIn(countyUser);
			importBenchmark(jdbc, countyId);
			SecurityContextHolder.clearContext();
		}
		else if ("chambers".equals(only)) {
			chamberImportBenchmark(jdbc, province, provinceUser);
		}
		else if ("points".equals(only)) {
			new PointsBenchmark(this, context, jdbc, results).run(province, countyId, provinceUser, provinceToken);
		}
		// ---- notice: BENCHMARK_ONLY=notices — a province-wide notice, its receipt board, reminding the unread (issue 20)
		else if ("notices".equals(only)) {
			new NoticeBenchmark(this, context, jdbc, results).run(province, provinceUser, provinceToken);
		}
		// ---- benefit + disclosure: BENCHMARK_ONLY=benefit — card check by a merchant, a county's finance disclosure (issue 21)
		else if ("benefit".equals(only)) {
			new BenefitBenchmark(this, context, jdbc, results).run(countyId, countyUser, countyToken);
		}
		else if ("honours".equals(only)) { // ---- honour: the bulk award of 10,000 and the verification page at 1,000,000 (issue 18)
			new HonourBenchmark(this, context, jdbc, results).run(province);
		}
		else if ("report".equals(only)) { // ---- report (issue 22): pre-fill, consolidation, annual work report
			new ReportBenchmark(context, jdbc, results).run(province, provinceUser);
		}
		else if ("generate".equals(only)) {
			// the province alone (generated above when missing), nothing measured
		}
		else if (!"dues".equals(only) && !"points".equals(only)) {
			memberBenchmarks(jdbc, province, countyId, countyPath, countyUser, provinceUser, countyToken, provinceToken);
		}
		if (only == null) {
			chamberImportBenchmark(jdbc, province, provinceUser);
			// 8. Casework over the same province
			new CaseworkBenchmark(this, jdbc, results).run(province, countyId, provinceToken, countyToken);
			// 9. Activities over the same province: the figures, a ledger, the check-in burst
			new ActivityBenchmark(this, context, jdbc, results).run(dir, true, province, countyId, provinceUser, countyUser,
					provinceToken, countyToken);
		}
		if (only == null) {
			// 10. Public welfare over the same province: villages, pairings, projects, payments
			new WelfareBenchmark(this, context, jdbc, results).run(dir, province, countyId, provinceUser, countyUser, provinceToken,
					countyToken);
		}
		if (only == null || "dues".equals(only)) {
			// 7. Dues: bill the whole province for a year, then read its collection rate.
			duesBenchmark(jdbc, province, provinceUser, provinceToken, countyId, countyToken);
		}

		Path out = dir.resolve("results.md");
		Files.writeString(out, String.join("\n", results) + "\n");
		System.out.println();
		results.forEach(System.out::println);
		System.out.println();
		System.out.println("Written to " + out);
	}

	int port() {
		return port;
	}

	/** 5. Export of about 100,000 rows (retail enterprises of the province), as the signed-in user. */
	private void exportBenchmark() {
		MemberExport export = context.getBean(MemberExport.class);
		MemberFilter retail = filter("industry=52");
		long exportRows = export.count(retail);
		long started = System.nanoTime();
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		export.write(retail, file, Locale.SIMPLIFIED_CHINESE);
		results.add(String.format(Locale.ROOT, "| Export of %,d rows to .xlsx (%.1f MB) | %.2f s | ≤ 10 s |", exportRows,
				file.size() / 1e6, (System.nanoTime() - started) / 1e9));
		// the same rows streamed from the database alone, to tell the query from the .xlsx writing
		started = System.nanoTime();
		long[] streamed = new long[1];
		context.getBean(MemberList.class)
			.forEach(retail, context.getBean(org.chamberlink.organization.DataScopes.class).current(), row -> streamed[0]++);
		results.add(String.format(Locale.ROOT, "|   of which the query, the %,d rows streamed without writing them | %.2f s | — |",
				streamed[0], (System.nanoTime() - started) / 1e9));
	}

	private void importBenchmark(JdbcClient jdbc, long countyId) throws Exception {
		int rows = 100_000;
		List<List<Object>> data = new ArrayList<>(rows);
		for (int i = 0; i < rows; i++) {
			String code = UnifiedSocialCreditCode.complete("91130102" + String.format("%09d", 500_000_000 + i));
			data.add(Arrays.asList(i % 4 == 3 ? "个人" : "企业", "导入测试" + i + (i % 4 == 3 ? "" : "有限公司"),
					i % 4 == 3 ? "" : code, i % 4 == 3 ? "" : "私营企业", "", "52", "", "", "130102", "否", "否", "", "",
					"139" + String.format("%08d", 50_000_000 + i), "", "", "会员", "2025-01-15"));
		}
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(xlsx, "会员", MemberImport.HEADERS)) {
			data.forEach(writer::row);
		}
		MemberImport memberImport = context.getBean(MemberImport.class);
		MemberJobs jobs = context.getBean(MemberJobs.class);
		OrganizationSummary county = context.getBean(Organizations.class).get(countyId);
		cleanUpImport(jdbc);

		long started = System.nanoTime();
		ImportOutcome outcome = memberImport.importNow(jobs.create("IMPORT", countyId, "benchmark.xlsx", false), county,
				xlsx.toByteArray(), false, Locale.SIMPLIFIED_CHINESE);
		double seconds = (System.nanoTime() - started) / 1e9;
		long again = System.nanoTime();
		ImportOutcome repeat = memberImport.importNow(jobs.create("IMPORT", countyId, "benchmark.xlsx", false), county,
				xlsx.toByteArray(), false, Locale.SIMPLIFIED_CHINESE);
		double repeatSeconds = (System.nanoTime() - again) / 1e9;

		// COPY of the same rows (as the import stages them, values already prepared) into a plain table.
		StringBuilder csv = new StringBuilder();
		for (List<Object> row : data) {
			csv.append(row.get(0)).append(',').append(row.get(1)).append(',').append(row.get(2)).append(',')
				.append(row.get(5)).append(',').append(row.get(8)).append(',').append(row.get(13)).append(",MEMBER,CONTACT,2025-01-15\n");
		}
		double copySeconds;
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			connection.createStatement().execute("create temporary table copy_benchmark (kind text, name text, credit_code "
					+ "varchar(18), industry_code varchar(2), region_code varchar(12), phone varchar(11), role varchar(20), "
					+ "tier varchar(10), joined_on date)");
			long copyStarted = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy copy_benchmark from stdin with (format csv)", new StringReader(csv.toString()));
			copySeconds = (System.nanoTime() - copyStarted) / 1e9;
		}
		results.add(String.format(Locale.ROOT, "| Import of %,d rows (.xlsx %.1f MB): %d parties, %d memberships | %.2f s = %,.0f rows/s | ≥ 5,000 rows/s |",
				rows, xlsx.size() / 1e6, outcome.partiesCreated(), outcome.membershipsAdded(), seconds, rows / seconds));
		results.add(String.format(Locale.ROOT, "|   the same file again (idempotent: %d unchanged) | %.2f s | — |", repeat.unchanged(),
				repeatSeconds));
		results.add(String.format(Locale.ROOT, "|   COPY of the same rows into a table | %.2f s; import ÷ COPY = %.1f× | ≤ 3× |",
				copySeconds, seconds / copySeconds));
		cleanUpImport(jdbc);
	}

	/** 6b. Import of 10,000 and of 1,123 chambers into the province, as the province user. */
	private void chamberImportBenchmark(JdbcClient jdbc, long province, AccountPrincipal provinceUser) {
		signIn(provinceUser);
		try {
			new ChamberImportBenchmark(jdbc, context.getBean(DataSource.class),
					context.getBean(org.chamberlink.organization.ChamberImport.class), results)
				.run(province);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void memberBenchmarks(JdbcClient jdbc, long province, long countyId, String countyPath,
			AccountPrincipal countyUser, AccountPrincipal provinceUser, String countyToken, String provinceToken)
			throws Exception {
		// 1. The scoped, filtered list, first page, as a county user, against the same SQL over JDBC.
		List<String> filters = List.of("status=ACTIVE", "kind=ENTERPRISE&status=ACTIVE", "role=DIRECTOR",
				"industry=52&status=ACTIVE&sort=name", "joinYear=2024", "enterpriseKind=INDIVIDUAL_BUSINESS&outOfTown=false");
		double[] api = measure(RUNS, i -> get("/api/v1/members?size=20&" + filters.get(i % filters.size()), countyToken));
		NamedParameterJdbcTemplate raw = new NamedParameterJdbcTemplate(context.getBean(DataSource.class));
		DataScope countyScope = DataScope.below(countyPath);
		double[] sql = measure(RUNS, i -> {
			MemberQuery query = new MemberQuery(filter(filters.get(i % filters.size())), countyScope, null, LocalDate.now(),
					new MemberQuery.PartyLookup() {

						@Override
						public List<Long> byCreditCode(String creditCode) {
							return List.of();
						}

						@Override
						public List<Long> byPhoneSuffix(String last4) {
							return List.of();
						}

					});
			raw.queryForObject(query.count(), query.params(), Long.class);
			Map<String, Object> params = new java.util.HashMap<>(query.params());
			params.put("limit", 20);
			params.put("offset", 0);
			raw.queryForList(query.page(), params);
		});
		row("Scoped filtered list, first page, county user (API over HTTP)", api, "p95 ≤ 50 ms");
		signIn(countyUser);
		Members members = context.getBean(Members.class);
		row("  the same through the service (Members.search, no HTTP)", measure(RUNS, i -> members
			.search(filter(filters.get(i % filters.size())), org.springframework.data.domain.PageRequest.of(0, 20))), "");
		SecurityContextHolder.clearContext();
		row("  for scale: GET /api/v1/me, the same token (HTTP, authentication, JSON)",
				measure(RUNS, i -> get("/api/v1/me", countyToken)), "");
		row("  the same SQL (count + page) over JDBC", sql, "");
		results.add(String.format(Locale.ROOT, "| List p95, API ÷ raw SQL | %.2f× | ≤ 1.5× |", p(api, 95) / p(sql, 95)));

		// 2. Keyword search: name, credit code, phone's last four digits; county and province.
		Map<String, Object> sample = jdbc.sql("""
				select p.name, p.credit_code, c.phone_last4 from membership m join party p on p.id = m.party_id
				join party_contact c on c.party_id = m.party_id and c.org_id = m.org_id
				where m.org_path like :scope and p.kind = 'ENTERPRISE' and c.phone_last4 is not null limit 1
				""").param("scope", countyPath + "%").query().singleRow();
		String name = ((String) sample.get("name")).substring(0, 3);
		for (String[] keyword : new String[][] { { "name", name }, { "credit code", (String) sample.get("credit_code") },
				{ "phone suffix", (String) sample.get("phone_last4") } }) {
			String path = "/api/v1/members?size=20&keyword=" + URLEncoder.encode(keyword[1], StandardCharsets.UTF_8);
			row("Keyword search by " + keyword[0] + ", county user", measure(RUNS, i -> get(path, countyToken)), "p95 ≤ 100 ms");
			row("Keyword search by " + keyword[0] + ", province user", measure(50, i -> get(path, provinceToken)), "p95 ≤ 100 ms");
		}

		// 3. Member-structure figures for the province.
		row("Member-structure figures, whole province (API)", measure(50,
				i -> get("/api/v1/organizations/" + province + "/member-figures", provinceToken)), "p95 ≤ 200 ms");
		row("Member figures by city, drill-down (API)", measure(20,
				i -> get("/api/v1/organizations/" + province + "/member-figures/below", provinceToken)), "—");

		// 4. Duplicate report over the province.
		signIn(provinceUser);
		MemberDuplicates duplicates = context.getBean(MemberDuplicates.class);
		int[] found = new int[1];
		double[] report = measure(3, i -> found[0] = duplicates.report().size());
		results.add(String.format(Locale.ROOT, "| Duplicate report, province (%d rows listed) | %.2f s (max of 3) | ≤ 10 s |",
				found[0], max(report) / 1000));

		exportBenchmark();

		// 6. Import of 100,000 new rows into the county federation, against COPY of the same rows.
		signIn(countyUser);
		importBenchmark(jdbc, countyId);
		SecurityContextHolder.clearContext();
	}

	/**
	 * Every organisation charges by role (a schedule and policy inserted directly: set-up, not
	 * measured); the province's billing run is timed end to end (the insert of the bills with the
	 * tally triggers, the credit pass and the run's two counts). Six bills in ten are then marked
	 * paid in one statement (through the same tally triggers), so the rate has something to sum.
	 */
	private void duesBenchmark(JdbcClient jdbc, long province, AccountPrincipal provinceUser, String provinceToken,
			long countyId, String countyToken) throws Exception {
		int year = LocalDate.now().getYear();
		jdbc.sql("truncate dues_entry, dues_bill, dues_tally, dues_billing_run, dues_schedule, dues_policy").update();
		jdbc.sql("insert into dues_policy (org_id, year, proration, due_on, updated_by) "
				+ "select id, :year, 'MONTHLY', make_date(:year, 3, 31), 'benchmark' from organization")
			.param("year", year).update();
		jdbc.sql("insert into dues_schedule (org_id, year, role, amount_fen, effective_from, created_by) "
				+ "select o.id, :year, r.role, r.fen, make_date(:year, 1, 1), 'benchmark' from organization o cross join "
				+ "(values ('PRESIDENT', 5000000), ('VICE_PRESIDENT', 1000000), ('SECRETARY_GENERAL', 500000), "
				+ "('STANDING_DIRECTOR', 500000), ('DIRECTOR', 300000), ('SUPERVISOR', 300000), ('MEMBER', 50000)) r(role, fen)")
			.param("year", year).update();
		jdbc.sql("vacuum analyze dues_policy, dues_schedule").update();
		signIn(provinceUser);
		org.chamberlink.dues.BillingRun run = context.getBean(org.chamberlink.dues.DuesBilling.class)
			.runNow(province, year, true);
		SecurityContextHolder.clearContext();
		results.add(String.format(Locale.ROOT, "| Billing the province for %d: %,d bills (%,d memberships without a schedule) | %.2f s = %,.0f bills/s | ≥ 20,000 bills/s |",
				year, run.billsCreated(), run.withoutSchedule(), run.millis() / 1000.0, run.billsCreated() * 1000.0 / run.millis()));
		long started = System.nanoTime();
		long paid = jdbc.sql("update dues_bill set paid_fen = amount_fen where id % 10 < 6").update();
		results.add(String.format(Locale.ROOT, "|   set-up: %,d bills marked paid in one statement (tally triggers included) | %.2f s | — |",
				paid, (System.nanoTime() - started) / 1e9));
		jdbc.sql("vacuum analyze dues_bill, dues_tally").update();
		row("Dues collection rate, whole province (API)", measure(50,
				i -> get("/api/v1/organizations/" + province + "/dues-collection?year=" + year, provinceToken)),
				"p95 ≤ 200 ms");
		row("Dues collection by city, drill-down (API)", measure(20,
				i -> get("/api/v1/organizations/" + province + "/dues-collection/below?year=" + year, provinceToken)), "—");
		row("Arrears of a county, first page (API)", measure(50,
				i -> get("/api/v1/dues/bills?org=" + countyId + "&subtree=true&state=OVERDUE&size=20", countyToken)), "—");
	}

	/**
	 * Leaves the province as generated, so every run measures the same data: the imported rows
	 * go, and so do their dead index entries (without the vacuum the next run's county list
	 * wades through 100,000 dead entries in its index range).
	 */
	private static void cleanUpImport(JdbcClient jdbc) {
		jdbc.sql("delete from membership where party_id in (select id from party where name like '导入测试%')").update();
		jdbc.sql("delete from party_contact where party_id in (select id from party where name like '导入测试%')").update();
		jdbc.sql("delete from party where name like '导入测试%'").update();
		jdbc.sql("vacuum analyze membership, party, party_contact, member_tally").update();
	}

	private AccountPrincipal account(long orgId) {
		return context.getBean(AccountManagement.class).create(new NewAccount("bench-" + orgId + "-" + System.nanoTime(),
				"基准测试", "Benchmark-Passw0rd-1", orgId, Set.of(Role.FEDERATION_ADMIN), false));
	}

	private static void signIn(AccountPrincipal principal) {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
	}

	private static MemberFilter filter(String query) {
		Map<String, String> p = new java.util.HashMap<>();
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=");
			p.put(kv[0], kv[1]);
		}
		return new MemberFilter(null, p.containsKey("kind") ? PartyKind.valueOf(p.get("kind")) : null,
				p.containsKey("enterpriseKind") ? EnterpriseKind.valueOf(p.get("enterpriseKind")) : null,
				p.containsKey("role") ? MemberRole.valueOf(p.get("role")) : null, null, p.get("industry"), null,
				p.containsKey("outOfTown") ? Boolean.valueOf(p.get("outOfTown")) : null, null,
				p.containsKey("status") ? MembershipStatus.valueOf(p.get("status")) : null,
				p.containsKey("joinYear") ? Integer.valueOf(p.get("joinYear")) : null, null, p.get("sort"));
	}

	void get(String path, String token) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
			}
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	interface Run {

		void run(int i) throws Exception;

	}

	/** Milliseconds of each of {@code runs} runs, after a warm-up. */
	static double[] measure(int runs, Run run) throws Exception {
		for (int i = 0; i < Math.min(WARMUP, runs); i++) {
			run.run(i);
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			run.run(i);
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double p(double[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

	private static double max(double[] sorted) {
		return sorted[sorted.length - 1];
	}

	void row(String what, double[] millis, String goal) {
		results.add(String.format(Locale.ROOT, "| %s | p50 %.1f ms, p95 %.1f ms (n=%d) | %s |", what, p(millis, 50),
				p(millis, 95), millis.length, goal));
	}

	/** The machine's load average over 1 and 5 minutes, as /proc/loadavg says it ("?" elsewhere). */
	static String loadAverage() {
		try {
			String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return load[0] + ", " + load[1];
		}
		catch (java.io.IOException | RuntimeException e) {
			return "?";
		}
	}

	private void header(Map<String, Object> data, Map<String, Object> county) throws Exception {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
			.findFirst().map(l -> l.replaceFirst(".*: ", "")).orElse("?");
		String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
			.findFirst().map(l -> l.replaceAll("\\D", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB").orElse("?");
		String postgres = context.getBean(JdbcClient.class).sql("show server_version").query(String.class).single();
		results.add("Run " + OffsetDateTime.now().withNano(0) + " on " + cpu + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, " + memory + "; Java "
				+ System.getProperty("java.version") + ", embedded PostgreSQL " + postgres + " (fsync on); load average "
				+ loadAverage() + " (1, 5 min).");
		results.add(String.format(Locale.ROOT, "Data: %,d organisations, %,d parties, %,d memberships; the county user is %s (%,d memberships).",
				((Number) data.get("orgs")).longValue(), ((Number) data.get("parties")).longValue(),
				((Number) data.get("memberships")).longValue(), county.get("name"), ((Number) county.get("n")).longValue()));
		results.add("");
		results.add("| Measure | Result | Goal |");
		results.add("|---|---|---|");
	}

}
