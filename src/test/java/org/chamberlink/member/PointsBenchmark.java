package org.chamberlink.member;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.chamberlink.casework.VisitWorkflow;
import org.chamberlink.evaluation.CampaignForm;
import org.chamberlink.evaluation.Campaigns;
import org.chamberlink.evaluation.EvaluationIndicators;
import org.chamberlink.evaluation.Indicator;
import org.chamberlink.evaluation.IndicatorValue;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.points.PointAction;
import org.chamberlink.points.PointBackfill;
import org.chamberlink.points.PointCategory;
import org.chamberlink.points.PointLevel;
import org.chamberlink.points.PointRuleForm;
import org.chamberlink.points.PointRules;
import org.chamberlink.shared.ChinaTime;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.awaitility.Awaitility.await;

/**
 * Chamber points and evaluations (issue 17) at a province's scale, part of {@link MemberBenchmark}
 * ({@code BENCHMARK_ONLY=points}).
 * <p>
 * 3,000,000 point entries over the generated province's chambers this year, inserted set-based as
 * set-up (with their yearly totals, as the ledger's writing statement keeps them); then the
 * province's ranking and a chamber's own entries through the API, the delay from a source event
 * (a visit completed) to its points, a back-fill of one rule over last year from the province's
 * rated cases, and the evaluation indicators measured for every chamber of a city.
 */
final class PointsBenchmark {

	static final int ENTRIES = 3_000_000;

	private static final String RULE = "基准积分规则";

	private final MemberBenchmark benchmark;

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private final List<String> results;

	PointsBenchmark(MemberBenchmark benchmark, ConfigurableApplicationContext context, JdbcClient jdbc, List<String> results) {
		this.benchmark = benchmark;
		this.context = context;
		this.jdbc = jdbc;
		this.results = results;
	}

	void run(long province, long countyId, AccountPrincipal provinceUser, String provinceToken) throws Exception {
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		String provincePath = jdbc.sql("select path from organization where id = :id").param("id", province).query(String.class).single();
		long rule = seedRule(province, provincePath, provinceUser);
		long existing = jdbc.sql("select count(*) from point_entry where rule_id = :r").param("r", rule).query(Long.class).single();
		if (existing < ENTRIES) {
			long started = System.nanoTime();
			seedEntries(rule, provincePath, year, ENTRIES - existing, existing);
			jdbc.sql("analyze point_entry").update();
			jdbc.sql("analyze point_total").update();
			results.add(String.format(Locale.ROOT, "|   set-up: %,d point entries and their yearly totals inserted set-based | %.1f s | — |",
					ENTRIES - existing, (System.nanoTime() - started) / 1e9));
		}
		Map<String, Object> data = jdbc.sql("""
				select (select count(*) from point_entry) as entries, (select count(*) from point_total where year = :y) as ranked
				""").param("y", year).query().singleRow();
		results.add(String.format(Locale.ROOT, "| Points: %,d entries in the ledger, %,d organisations ranked this year | — | — |",
				((Number) data.get("entries")).longValue(), ((Number) data.get("ranked")).longValue()));

		benchmark.row("Province ranking of its chambers, this year, first page (API)", MemberBenchmark.measure(100,
				i -> benchmark.get("/api/v1/points/ranking?orgId=" + province + "&year=" + year, provinceToken)), "p95 ≤ 200 ms");
		// a typical chamber (the median by entries) and the busiest one
		for (String which : List.of("median", "busiest")) {
			Map<String, Object> chamber = jdbc.sql("""
					select org_id, entries from point_total where year = :y and org_level = 'CHAMBER' and org_path like :p
					order by entries desc offset (case when :which = 'busiest' then 0
					    else (select count(*) / 2 from point_total where year = :y and org_level = 'CHAMBER' and org_path like :p) end)
					limit 1
					""").param("y", year).param("p", provincePath + "%").param("which", which).query().singleRow();
			long id = ((Number) chamber.get("org_id")).longValue();
			benchmark.row(String.format(Locale.ROOT, "A chamber's standing, by rule and its newest 50 entries — the %s chamber, %,d entries this year (API)",
					which, ((Number) chamber.get("entries")).longValue()),
					MemberBenchmark.measure(100, i -> benchmark.get("/api/v1/points/organizations/" + id + "?year=" + year, provinceToken)),
					"p95 ≤ 50 ms");
		}

		eventToPoints(province, provincePath, provinceUser, countyId);
		backfill(province, provincePath, provinceUser, year - 1);
		cityIndicators(province);
	}

	/** The benchmark's own rule (manual, so no event or back-fill ever adds to it). */
	private long seedRule(long province, String provincePath, AccountPrincipal provinceUser) {
		return jdbc.sql("select id from point_rule where name = :n").param("n", RULE).query(Long.class).optional().orElseGet(() -> {
			signIn(provinceUser);
			try {
				return context.getBean(PointRules.class).create(new PointRuleForm(province, RULE, PointCategory.SERVING_MEMBERS,
						PointAction.MANUAL, 5, null, PointLevel.CHAMBER));
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		});
	}

	/** {@code count} awards spread unevenly over the province's chambers (a few busy, most quiet), then their totals. */
	private void seedEntries(long rule, String provincePath, int year, long count, long offset) {
		jdbc.sql("""
				with chambers as (
				    select row_number() over (order by id) - 1 as n, id, path from organization
				    where type = 'CHAMBER' and status = 'ACTIVE' and path like :p),
				     size as (select count(*) as c from chambers)
				insert into point_entry (rule_id, org_id, org_path, org_level, year, points, kind, source_type, source_id, occurrence,
				    occurred_at)
				select :rule, c.id, c.path, 'CHAMBER', :y, 1 + (pick.g % 5), 'AWARD', 'CLAIM', 9000000000 + pick.g, '',
				    make_timestamptz(:y, 1 + (pick.g % 11)::int, 1 + (pick.g % 28)::int, 9, 0, 0, 'Asia/Shanghai')
				from (select g, floor(power(random(), 2) * size.c)::bigint as n
				      from generate_series(:from, :to) g cross join size) pick
				join chambers c on c.n = pick.n
				""")
			.param("p", provincePath + "%")
			.param("rule", rule)
			.param("y", year)
			.param("from", offset + 1)
			.param("to", offset + count)
			.update();
		jdbc.sql("""
				insert into point_total (org_id, year, org_level, org_path, points, entries)
				select org_id, year, min(org_level), min(org_path), sum(points), count(*) from point_entry
				where rule_id = :rule and source_id > 9000000000 + :offset group by org_id, year
				on conflict (org_id, year) do update set points = point_total.points + excluded.points,
				    entries = point_total.entries + excluded.entries
				""").param("rule", rule).param("offset", offset).update();
	}

	/** A visit completed in a chamber → its points written by the listener: the delay, 20 times. */
	private void eventToPoints(long province, String provincePath, AccountPrincipal provinceUser, long countyId) throws Exception {
		signIn(provinceUser);
		long visitRule;
		try {
			visitRule = jdbc.sql("select id from point_rule where name = '基准走访积分'").query(Long.class).optional()
				.orElseGet(() -> context.getBean(PointRules.class).create(new PointRuleForm(province, "基准走访积分",
						PointCategory.SERVING_MEMBERS, PointAction.VISIT_COMPLETED, 2, null, PointLevel.CHAMBER)));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		Map<String, Object> member = jdbc.sql("""
				select m.org_id, m.party_id from membership m join organization o on o.id = m.org_id
				where o.type = 'CHAMBER' and m.org_path like (select path from organization where id = :county) || '%'
				  and m.left_on is null order by m.id limit 1
				""").param("county", countyId).query().singleRow();
		long chamber = ((Number) member.get("org_id")).longValue();
		long party = ((Number) member.get("party_id")).longValue();
		signIn(account(chamber, Role.CHAMBER_ADMIN));
		VisitWorkflow visits = context.getBean(VisitWorkflow.class);
		int runs = 20;
		double[] millis = new double[runs];
		try {
			for (int i = 0; i < runs + 3; i++) {
				LocalDate today = LocalDate.now(ChinaTime.ZONE);
				Long visit = visits.plan(chamber, party, today.getYear(), (today.getMonthValue() + 2) / 3, "秘书长", "基准走访");
				visits.complete(visit, LocalDate.now(ChinaTime.ZONE), "经营正常", List.of());
				long started = System.nanoTime();
				// polled every 2 ms: the delay measured is the listener's, not the poll's
				await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(30))
					.until(() -> jdbc.sql("select count(*) from point_entry where rule_id = :r and source_type = 'VISIT' and source_id = :v")
						.param("r", visitRule).param("v", visit).query(Long.class).single() > 0);
				if (i >= 3) {
					millis[i - 3] = (System.nanoTime() - started) / 1e6;
				}
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		Arrays.sort(millis);
		benchmark.row("A source event (visit completed) to its points entry, after the commit", millis, "≤ 1 s");
	}

	/** A new rule applied to last year from the province's records (cases resolved and rated satisfied). */
	private void backfill(long province, String provincePath, AccountPrincipal provinceUser, int year) {
		signIn(provinceUser);
		try {
			long rule = context.getBean(PointRules.class).create(new PointRuleForm(province, "基准回溯" + System.nanoTime() % 100000,
					PointCategory.SERVING_MEMBERS, PointAction.CASE_SATISFIED, 3, null, PointLevel.CHAMBER));
			long started = System.nanoTime();
			int written = context.getBean(PointBackfill.class).run(rule, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
			double seconds = (System.nanoTime() - started) / 1e9;
			long again = System.nanoTime();
			int twice = context.getBean(PointBackfill.class).run(rule, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
			results.add(String.format(Locale.ROOT,
					"| Back-fill of one rule (cases resolved and rated satisfied) over %d for the whole province: %,d entries written | %.2f s | ≤ 60 s |",
					year, written, seconds));
			results.add(String.format(Locale.ROOT, "|   the same back-fill again (%,d written) | %.2f s | — |", twice,
					(System.nanoTime() - again) / 1e9));
			// the rule is switched off so that later runs' events do not add to it
			context.getBean(PointRules.class).setActive(rule, false);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * Every indicator of every chamber of the city with the most chambers, as the city's officer pre-fills
	 * them: set-based ({@link EvaluationIndicators#measureAll}, then the campaign's pre-fill over the API),
	 * and, for comparison, one chamber after the other for a sample (whose values must be equal).
	 */
	private void cityIndicators(long province) throws Exception {
		Map<String, Object> city = jdbc.sql("""
				select c.id, c.name, count(*) as chambers from organization c
				join organization o on o.path like c.path || '%' and o.type = 'CHAMBER' and o.status = 'ACTIVE'
				where c.type = 'FEDERATION' and c.level = 'CITY' and c.parent_id = :province
				group by c.id, c.name order by count(*) desc limit 1
				""").param("province", province).query().singleRow();
		long cityId = ((Number) city.get("id")).longValue();
		List<Long> chambers = jdbc.sql("""
				select o.id from organization o where o.type = 'CHAMBER' and o.status = 'ACTIVE'
				  and o.path like (select path from organization where id = :city) || '%' order by o.id
				""").param("city", cityId).query(Long.class).list();
		AccountPrincipal cityUser = account(cityId, Role.FEDERATION_ADMIN);
		signIn(cityUser);
		try {
			EvaluationIndicators indicators = context.getBean(EvaluationIndicators.class);
			Set<Indicator> all = EnumSet.allOf(Indicator.class);
			int year = LocalDate.now(ChinaTime.ZONE).getYear();
			LocalDate today = LocalDate.now(ChinaTime.ZONE);
			// set-based: the whole city, five times after one warm-up
			Map<Long, Map<Indicator, IndicatorValue>> prefilled = indicators.measureAll(chambers, year, today, all);
			double[] millis = new double[5];
			for (int i = 0; i < millis.length; i++) {
				long started = System.nanoTime();
				prefilled = indicators.measureAll(chambers, year, today, all);
				millis[i] = (System.nanoTime() - started) / 1e6;
			}
			Arrays.sort(millis);
			results.add(String.format(Locale.ROOT,
					"| Evaluation indicators (all %d) pre-filled set-based for every chamber of %s (%,d chambers, EvaluationIndicators.measureAll) | p50 %.0f ms, max %.0f ms (n=%d); load %s | ≤ 5 s |",
					all.size(), city.get("name"), chambers.size(), millis[2], millis[4], millis.length, MemberBenchmark.loadAverage()));
			// one chamber after the other, for a sample of 50: the old path, and the values must be equal
			List<Long> sample = chambers.subList(0, Math.min(50, chambers.size()));
			indicators.measure(sample.get(0), year, today, all);
			long started = System.nanoTime();
			int differing = 0;
			for (Long chamber : sample) {
				if (!indicators.measure(chamber, year, today, all).equals(prefilled.get(chamber))) {
					differing++;
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			results.add(String.format(Locale.ROOT,
					"|   one chamber after the other (the per-chamber path), a sample of %d: %.1f ms per chamber, %d of them differing from the set-based values | %.2f s (≈ %.0f s for the city) | — |",
					sample.size(), seconds * 1000 / sample.size(), differing, seconds, seconds * chambers.size() / sample.size()));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		// the campaign's pre-fill page's data over the API (the scheme's own indicators, each chamber of the city)
		signIn(cityUser);
		long campaign;
		try {
			long scheme = jdbc.sql("""
					select s.id from evaluation_scheme s where s.applies_to = 'CHAMBER'
					order by (select count(*) from evaluation_criterion c where c.scheme_id = s.id and c.indicator is not null) desc, s.id
					limit 1
					""").query(Long.class).single();
			LocalDate today = LocalDate.now(ChinaTime.ZONE);
			campaign = jdbc.sql("select id from evaluation_campaign where org_id = :city and scheme_id = :s and year = :y")
				.param("city", cityId).param("s", scheme).param("y", today.getYear()).query(Long.class).optional()
				.orElseGet(() -> context.getBean(Campaigns.class).open(new CampaignForm(scheme, today.getYear(), "基准预填评比", 7,
						today.plusDays(30), null, null, null)));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		String token = context.getBean(ApiTokens.class).create(cityUser.id(), "benchmark").secret();
		String path = "/api/v1/evaluation-campaigns/" + campaign + "/indicators";
		benchmark.get(path, token);
		double[] millis = new double[5];
		for (int i = 0; i < millis.length; i++) {
			long started = System.nanoTime();
			benchmark.get(path, token);
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		results.add(String.format(Locale.ROOT,
				"|   the campaign's pre-fill over the API (GET …/evaluation-campaigns/{id}/indicators, the scheme's indicators, %,d chambers) | p50 %.0f ms, max %.0f ms (n=%d); load %s | ≤ 5 s |",
				chambers.size(), millis[2], millis[4], millis.length, MemberBenchmark.loadAverage()));
	}

	private AccountPrincipal account(long orgId, Role role) {
		return context.getBean(AccountManagement.class).create(new NewAccount("bench-points-" + orgId + "-" + System.nanoTime(),
				"基准测试", "Benchmark-Passw0rd-1", orgId, Set.of(role), false));
	}

	private static void signIn(AccountPrincipal principal) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

}
