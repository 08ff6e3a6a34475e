package org.chamberlink.member;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityForm;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.DataScope;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.ChinaTime;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Activities (issue 16) at a province's scale, part of {@link MemberBenchmark}
 * ({@code BENCHMARK_ONLY=activities}).
 * <p>
 * <b>Province scale.</b> 50,000 activities over the generated province's organisations and the last
 * two years (most held or closed, a few cancelled or still to come) and about 2,000,000 attendee
 * rows, each a real current membership of the organiser's subtree, inserted set-based as set-up
 * with the tally columns counted from the rows as {@code ActivityTally} counts them; then the
 * province's figures (person-times and members reached through the figures API, the figures page)
 * and a county's ledger page are timed, their statements alone over JDBC, and their plans printed
 * (target/benchmark/activity-plans.md).
 * <p>
 * <b>Check-in burst.</b> A city's training with 2,000 members coming: their portal sign-ins are
 * written directly (one precomputed password hash; four in five registered beforehand, the rest
 * walk in), each signs in by phone over HTTP in a session of its own, then all 2,000 tap "check in"
 * (the CSRF form the check-in page's script posts, answered as JSON) from 200 concurrent clients; the database must then
 * hold each check-in exactly once, and a second round of the same 2,000 must answer "already" and
 * change nothing. The same for 2,000 guests by name and phone.
 */
final class ActivityBenchmark {

	static final int ACTIVITIES = 50_000;

	private static final int ATTENDEES = 2_000;

	private static final int CLIENTS = 200;

	private static final String PASSWORD = "Benchmark-Passw0rd-1";

	private static final String BURST_TITLE = "基准签到培训";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private final MemberBenchmark benchmark;

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate raw;

	private final List<String> results;

	/** EXPLAIN ANALYZE of the measured statements, written beside the results. */
	private final List<String> plans = new ArrayList<>();

	private final String base;

	ActivityBenchmark(MemberBenchmark benchmark, ConfigurableApplicationContext context, JdbcClient jdbc, List<String> results) {
		this.benchmark = benchmark;
		this.context = context;
		this.jdbc = jdbc;
		this.raw = new NamedParameterJdbcTemplate(context.getBean(DataSource.class));
		this.results = results;
		this.base = "http://localhost:" + benchmark.port();
	}

	/** The province-scale figures and ledger, then the check-in burst; {@code scale} false: the burst alone. */
	void run(Path dir, boolean scale, long province, long countyId, AccountPrincipal provinceUser, AccountPrincipal countyUser,
			String provinceToken, String countyToken) throws Exception {
		removeBurst();
		if (scale) {
			provinceScale(province, countyId, provinceUser, countyUser, provinceToken, countyToken);
		}
		burst(dir);
		removeBurst();
		Files.writeString(dir.resolve("activity-plans.md"), String.join("\n", plans) + "\n");
		System.out.println("Plans written to " + dir.resolve("activity-plans.md"));
	}

	// ---------------------------------------------------------------- province scale

	private void provinceScale(long province, long countyId, AccountPrincipal provinceUser, AccountPrincipal countyUser,
			String provinceToken, String countyToken) throws Exception {
		long existing = jdbc.sql("select count(*) from activity where title like '基准活动 %'").query(Long.class).single();
		if (existing != ACTIVITIES) {
			long started = System.nanoTime();
			generate(province, provinceUser.id());
			results.add(String.format(Locale.ROOT, "|   set-up: %,d activities, %,d attendee rows, %,d minutes inserted set-based, tallies counted | %.1f s | — |",
					count("activity"), count("activity_attendee"), count("activity_minutes"), (System.nanoTime() - started) / 1e9));
		}
		Map<String, Object> data = jdbc.sql("""
				select count(*) as activities, count(*) filter (where status in ('HELD', 'CLOSED')) as took,
				       coalesce(sum(attended), 0) as person_times,
				       (select count(*) from activity_attendee) as attendees
				from activity
				""").query().singleRow();
		results.add(String.format(Locale.ROOT, "| Activities: %,d in the province (%,d held or closed), %,d attendee rows, %,d person-times | — | — |",
				((Number) data.get("activities")).longValue(), ((Number) data.get("took")).longValue(),
				((Number) data.get("attendees")).longValue(), ((Number) data.get("person_times")).longValue()));

		String provincePath = path(province);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		int year = today.getYear();
		LocalDate twoYears = LocalDate.of(year - 1, 1, 1);
		FigureSql thisYearSql = new FigureSql(province, provincePath, LocalDate.of(year, 1, 1), today);
		FigureSql twoYearsSql = new FigureSql(province, provincePath, twoYears, today);
		results.add(String.format(Locale.ROOT, "| The province's figures: this year %s; two years (from %s) %s | — | — |", thisYearSql.said(),
				twoYears, twoYearsSql.said()));

		// The figures through the figures SPI's API, as the province user: the value and the drill-down by city.
		String figure = "/api/v1/organizations/" + province + "/figures/";
		String since = "?from=" + twoYears;
		benchmark.row("Person-times, whole province, this year, with the drill-down by city (GET …/figures/activity.personTimes)",
				MemberBenchmark.measure(50, i -> benchmark.get(figure + "activity.personTimes", provinceToken)), "p95 ≤ 200 ms");
		benchmark.row("  the same over two years", MemberBenchmark.measure(20,
				i -> benchmark.get(figure + "activity.personTimes" + since, provinceToken)), "p95 ≤ 200 ms");
		benchmark.row("  the sums over the tally alone (SQL, this year)",
				MemberBenchmark.measure(50, i -> raw.queryForMap(thisYearSql.sums, thisYearSql.params)), "");
		benchmark.row("Distinct members reached, whole province, this year, with the drill-down (GET …/figures/activity.membersReached)",
				MemberBenchmark.measure(10, i -> benchmark.get(figure + "activity.membersReached", provinceToken)), "—");
		benchmark.row("  the same over two years", MemberBenchmark.measure(5,
				i -> benchmark.get(figure + "activity.membersReached" + since, provinceToken)), "—");
		benchmark.row("  the province's own count alone (SQL, this year)",
				MemberBenchmark.measure(10, i -> raw.queryForObject(thisYearSql.members, thisYearSql.params, Long.class)), "");
		Phone provinceSession = signedIn(provinceUser.getUsername());
		benchmark.row("Activity figures page, whole province, this year (GET /figures/activities: figures, members reached, drill-down)",
				MemberBenchmark.measure(10, i -> page(provinceSession, "/figures/activities")), "—");
		explain("Province sums, this year", thisYearSql.sums, thisYearSql.params);
		explain("Province sums, two years", twoYearsSql.sums, twoYearsSql.params);
		explain("Province members reached, this year", thisYearSql.members, thisYearSql.params);
		explain("Province members reached, two years", twoYearsSql.members, twoYearsSql.params);
		explain("Organisations without an activity, this year", thisYearSql.idle, thisYearSql.idleParams);

		// The county's ledger (台帐) of this year and last, the page as the county user.
		Phone countySession = signedIn(countyUser.getUsername());
		Activities activities = context.getBean(Activities.class);
		int[] rows = { as(countyUser, () -> activities.ledger(countyId, year).size()),
				as(countyUser, () -> activities.ledger(countyId, year - 1).size()) };
		benchmark.row(String.format(Locale.ROOT, "County ledger page (GET /activities/ledger?orgId=&year=, %d: %d rows, %d: %d rows), county user",
				year, rows[0], year - 1, rows[1]), MemberBenchmark.measure(100,
						i -> page(countySession, "/activities/ledger?orgId=" + countyId + "&year=" + (year - i % 2))),
				"p95 ≤ 100 ms");
		benchmark.row("  the same in process (Activities.ledger)", MemberBenchmark.measure(100,
				i -> as(countyUser, () -> activities.ledger(countyId, year - i % 2))), "");
		String ledgerSql = "select a.* from activity a where a.org_id = :org and a.starts_at >= :from and a.starts_at < :to"
				+ " and a.status <> 'DRAFT' order by a.starts_at, a.id";
		Map<String, Object> ledgerParams = Map.of("org", countyId, "from", startOf(LocalDate.of(year, 1, 1)), "to",
				startOf(LocalDate.of(year + 1, 1, 1)));
		benchmark.row("  its SQL over JDBC", MemberBenchmark.measure(100, i -> raw.queryForList(ledgerSql, ledgerParams)), "");
		explain("County ledger, " + year, ledgerSql, ledgerParams);

		// The lists staff open every day, for scale beside them.
		benchmark.row("Activity list, county user, first page (API)", MemberBenchmark.measure(100,
				i -> benchmark.get("/api/v1/activities?size=20", countyToken)), "—");
		benchmark.row("Activity list, province user, first page (API)", MemberBenchmark.measure(50,
				i -> benchmark.get("/api/v1/activities?size=20", provinceToken)), "—");
	}

	/** A staff account's browser session, signed in with the benchmark's password. */
	private Phone signedIn(String username) throws Exception {
		Phone session = new Phone(username);
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		send(http, session, get("/login", session));
		HttpResponse<String> response = send(http, session, post("/login", session, Map.of("username", username, "password",
				PASSWORD)));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed");
		}
		return session;
	}

	private final HttpClient pages = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** A page in the session; anything but 200 stops the benchmark. */
	private void page(Phone session, String path) throws Exception {
		HttpResponse<String> response = pages.send(get(path, session), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " -> " + response.statusCode());
		}
	}

	/** The statements of ActivityFigures for one subtree and period, with their parameters, for timing them alone and their plans. */
	private final class FigureSql {

		private static final String TOOK = " and a.status in ('HELD', 'CLOSED') and a.starts_at >= :from and a.starts_at < :to";

		private static final String PRESENT = " join activity_attendee t on t.activity_id = a.id and t.checked_in_at is not null"
				+ " and t.party_id is not null";

		final Map<String, Object> params = new HashMap<>();

		final Map<String, Object> idleParams;

		final String sums;

		final String members;

		final String idle;

		final int orgs;

		FigureSql(long orgId, String path, LocalDate from, LocalDate to) {
			DataScope subtree = DataScope.subtree(path);
			params.putAll(subtree.param());
			params.put("from", startOf(from));
			params.put("to", startOf(to.plusDays(1)));
			sums = "select count(*) as held, coalesce(sum(a.attended), 0) as person_times,"
					+ " coalesce(sum(a.registered - (a.attended - a.registered_attended)), 0) as registered,"
					+ " coalesce(sum(a.registered_attended), 0) as registered_attended,"
					+ " count(*) filter (where a.kind = 'TRAINING') as trainings, count(*) filter (where a.quorum_met) as with_quorum"
					+ " from activity a where " + subtree.on("a.org_path") + TOOK;
			members = "select count(*) from (select distinct t.party_id from activity a" + PRESENT + " where "
					+ subtree.on("a.org_path") + TOOK + ") reached";
			Long[] ids = jdbc.sql("select id from organization where " + subtree.on("path") + " and status = 'ACTIVE'")
				.params(subtree.param()).query(Long.class).list().toArray(Long[]::new);
			orgs = ids.length;
			idleParams = new HashMap<>(params);
			idleParams.put("ids", ids);
			idle = "select count(*) from unnest(cast(:ids as bigint[])) o(id)"
					+ " where not exists (select 1 from activity a where a.org_id = o.id" + TOOK + ")";
		}

		String said() {
			Map<String, Object> sum = raw.queryForMap(sums, params);
			return String.format(Locale.ROOT, "%,d held, %,d person-times, %,d members reached, %,d of %,d organisations without",
					((Number) sum.get("held")).longValue(), ((Number) sum.get("person_times")).longValue(),
					raw.queryForObject(members, params, Long.class), raw.queryForObject(idle, idleParams, Long.class), orgs);
		}

	}

	/** 50,000 activities and ~2,000,000 attendees over the province's organisations, set-based. */
	private void generate(long province, long by) {
		System.out.println("Generating the province's activities …");
		jdbc.sql("truncate activity_resolution, activity_minutes, activity_file, activity_invitee, activity_attendee, "
				+ "activity_rule, activity_feed, activity").update();
		// Current memberships in path order: with the database's C collation a subtree's memberships are one run of rn.
		jdbc.sql("drop table if exists bench_member, bench_org, bench_plan").update();
		jdbc.sql("""
				create unlogged table bench_member as
				select row_number() over (order by org_path, id) as rn, id, party_id, org_path
				from membership where left_on is null
				""").update();
		jdbc.sql("alter table bench_member add primary key (rn)").update();
		// each organisation's subtree as the run [lo, hi] of bench_member, from the runs of each path
		jdbc.sql("""
				create unlogged table bench_org as
				with runs as (select org_path, min(rn) as lo, max(rn) as hi from bench_member group by org_path)
				select o.id, o.path, o.level, min(r.lo) as lo, max(r.hi) as hi
				from organization o join runs r on r.org_path like o.path || '%'
				where o.path like '/' || :province || '/%' or o.id = :province
				group by o.id, o.path, o.level
				""").param("province", province).update();
		// Federations hold more (province 300, a city 200, a county 80 over two years), a chamber 7; of the
		// ~55,000 slots 50,000 are kept in a pseudo-random order, which also numbers them (n).
		jdbc.sql("""
				create unlogged table bench_plan as
				with slots as (
				    select o.*, s, row_number() over (order by md5(o.id || ':' || s)) as n
				    from bench_org o
				    cross join lateral generate_series(1, case o.level when 'PROVINCE' then 300 when 'CITY' then 200
				                                                    when 'COUNTY' then 80 else 7 end) s),
				dated as (
				    select slots.*, (n * 7919) % 745 - 15 as days_ago,
				           (array['TRAINING', 'TRAINING', 'TRAINING', 'FORUM', 'FORUM', 'COUNCIL', 'STANDING_COUNCIL',
				                  'PRESIDENTS_MEETING', 'EXHIBITION', 'STUDY_TOUR', 'CULTURE_SPORTS', 'CULTURE_SPORTS', 'CHARITY',
				                  'OTHER', 'GENERAL_ASSEMBLY', 'TRAINING', 'FORUM', 'OTHER', 'CHARITY', 'TRAINING'])[1 + (n / 7) % 20] as kind
				    from slots where n <= :activities)
				select dated.*,
				       (date_trunc('day', now() at time zone 'Asia/Shanghai') - days_ago * interval '1 day'
				        + (case n % 3 when 0 then 9 when 1 then 14 else 19 end) * interval '1 hour') at time zone 'Asia/Shanghai'
				           as starts_at,
				       case when days_ago < 0 then 'PUBLISHED' when n % 33 = 0 then 'CANCELLED'
				            when days_ago <= 45 or n % 5 = 0 then 'HELD' else 'CLOSED' end as status,
				       kind in ('GENERAL_ASSEMBLY', 'COUNCIL', 'STANDING_COUNCIL', 'PRESIDENTS_MEETING') as governance,
				       least(hi - lo + 1, case when level is not null then 40 + (n * 13) % 61 else 8 + (n * 17) % 39 end) as wanted
				from dated
				""").param("activities", ACTIVITIES).update();
		jdbc.sql("""
				insert into activity (org_id, org_path, kind, title, starts_at, ends_at, place, audience, status, cancel_reason,
				    has_minutes, quorum_met, created_by, created_at)
				select id, path, kind, '基准活动 ' || n, starts_at, starts_at + interval '150 minutes', '基准会场', 'SUBTREE', status,
				       case when status = 'CANCELLED' then '因故取消' end,
				       status in ('HELD', 'CLOSED') and n % 10 < case when governance then 9 else 4 end,
				       case when governance and status in ('HELD', 'CLOSED') and n % 10 < 9 then n % 7 <> 0 end,
				       :by, starts_at - interval '10 days'
				from bench_plan order by n
				""").param("by", by).update();
		System.out.println("  activities");
		// Attendees: `wanted` consecutive memberships of the organiser's subtree from a pseudo-random start,
		// one row per party; one in ten a walk-in, one in 25 registrations withdrawn, 85 % of the others came.
		// Cancelled activities keep a third of their registrations, coming ones half; neither has check-ins.
		jdbc.sql("""
				insert into activity_attendee (activity_id, membership_id, party_id, status, walk_in, registered_at, cancelled_at,
				    checked_in_at, check_in_way)
				select distinct on (activity_id, party_id) activity_id, membership_id, party_id, status, walk_in, registered_at,
				       case when status = 'CANCELLED' then starts_at - interval '12 hours' end,
				       case when checked then starts_at - interval '15 minutes' + (j % 45) * interval '1 minute' end,
				       case when checked then case j % 10 when 0 then 'STAFF' when 1 then 'STAFF' when 2 then 'SHEET' else 'QR' end end
				from (
				    select a.id as activity_id, m.id as membership_id, m.party_id, p.starts_at, j, w.walk_in, w.status,
				           case when w.walk_in then p.starts_at - interval '5 minutes'
				                else p.starts_at - (1 + j % 10) * interval '1 day' end as registered_at,
				           p.status in ('HELD', 'CLOSED') and w.status = 'REGISTERED'
				               and (w.walk_in or (p.n + j * 31) % 100 < 85) as checked
				    from bench_plan p
				    join activity a on a.title = '基准活动 ' || p.n
				    cross join lateral generate_series(0, case p.status when 'CANCELLED' then p.wanted / 3
				                                                       when 'PUBLISHED' then p.wanted / 2 else p.wanted end - 1) j
				    cross join lateral (select p.status in ('HELD', 'CLOSED') and j % 10 = 9 as walk_in) v
				    cross join lateral (select v.walk_in,
				                               case when not v.walk_in and j % 25 = 24 then 'CANCELLED' else 'REGISTERED' end as status) w
				    join bench_member m on m.rn = p.lo + (p.n * 104729 + j) % (p.hi - p.lo + 1)
				) rows
				order by activity_id, party_id
				""").update();
		System.out.println("  members");
		// Guests: three at every fourth activity that took place.
		jdbc.sql("""
				insert into activity_attendee (activity_id, guest_name, guest_phone_masked, status, walk_in, registered_at,
				    checked_in_at, check_in_way)
				select a.id, '来宾' || g, '139****' || lpad(g::text, 4, '0'), 'REGISTERED', true, a.starts_at - interval '5 minutes',
				       a.starts_at - interval '5 minutes', 'QR'
				from activity a cross join generate_series(1, 3) g
				where a.status in ('HELD', 'CLOSED') and a.id % 4 = 0
				""").update();
		// The tally, counted as ActivityTally.refresh counts it.
		jdbc.sql("""
				update activity a set registered = t.registered, waitlisted = t.waitlisted, attended = t.attended,
				    registered_attended = t.registered_attended, members_attended = t.members_attended
				from (select activity_id,
				             count(*) filter (where status = 'REGISTERED') as registered,
				             count(*) filter (where status = 'WAITLISTED') as waitlisted,
				             count(*) filter (where checked_in_at is not null) as attended,
				             count(*) filter (where checked_in_at is not null and not walk_in) as registered_attended,
				             count(distinct party_id) filter (where checked_in_at is not null) as members_attended
				      from activity_attendee group by activity_id) t
				where a.id = t.activity_id
				""").update();
		// Minutes where the activity has them; a governance meeting with those who could attend and the quorum.
		jdbc.sql("""
				insert into activity_minutes (activity_id, summary, eligible, present, quorum_met, recorded_by, recorded_at)
				select a.id, '会议纪要（基准数据）',
				       case when p.governance then case when a.quorum_met then a.attended + a.attended * (p.n % 5) / 10
				                                        else a.attended * 2 + 1 end end,
				       a.attended, a.quorum_met, :by, a.ends_at + interval '1 day'
				from activity a join bench_plan p on a.title = '基准活动 ' || p.n
				where a.has_minutes
				""").param("by", by).update();
		jdbc.sql("drop table bench_member, bench_org, bench_plan").update();
		jdbc.sql("vacuum analyze activity, activity_attendee, activity_minutes").update();
	}

	// ---------------------------------------------------------------- check-in burst

	/** One member's (or guest's) phone: its session cookie and the CSRF token of the page it shows. */
	private static final class Phone {

		final String login;

		String cookie;

		String csrf;

		Phone(String login) {
			this.login = login;
		}

	}

	private record Tap(double postMillis, double pageMillis, String outcome) {
	}

	private void burst(Path dir) throws Exception {
		CpuMeter cpu = new CpuMeter(dir.resolve("postgres"));
		double[] load = loadAverage();
		Map<String, Object> city = jdbc.sql("""
				select id, path, name from organization where type = 'FEDERATION' and level = 'CITY' and name = '石家庄市工商联'
				""").query().singleRow();
		long cityId = ((Number) city.get("id")).longValue();
		String cityPath = (String) city.get("path");
		AccountPrincipal staff = context.getBean(AccountManagement.class).create(new NewAccount("bench-city-" + System.nanoTime(),
				"基准测试", PASSWORD, cityId, Set.of(Role.FEDERATION_ADMIN), false));
		ActivityPlanning planning = context.getBean(ActivityPlanning.class);
		ActivityCheckIns checkIns = context.getBean(ActivityCheckIns.class);
		LocalDateTime starts = LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(30);
		Long activity = as(staff, () -> {
			Long id = planning.create(ActivityForm.of(cityId, ActivityKind.TRAINING, BURST_TITLE, starts, starts.plusHours(3),
					"石家庄市会议中心", null));
			planning.publish(id);
			return id;
		});
		String code = as(staff, () -> checkIns.code(activity));
		String page = "/checkin/" + activity + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);

		// 2,000 persons of the city's subtree with a phone nobody else has, each a portal sign-in written directly
		long started = System.nanoTime();
		List<Map<String, Object>> chosen = jdbc.sql("""
				select * from (
				    select distinct on (m.party_id) m.id as membership_id, m.party_id, m.party_name, c.phone_cipher
				    from membership m
				    join party_contact c on c.party_id = m.party_id and c.org_id = m.org_id
				    where m.org_path like :city and m.left_on is null and m.joined_on < current_date and m.party_kind = 'PERSON'
				      and c.phone_hash is not null
				      and not exists (select 1 from party_contact o where o.phone_hash = c.phone_hash and o.party_id <> c.party_id)
				      and not exists (select 1 from member_account a join user_account u on u.id = a.account_id
				                      where a.party_id = m.party_id and u.username not like 'bench-member-%')
				    order by m.party_id, m.id) p
				order by membership_id limit :n
				""").param("city", cityPath + "%").param("n", ATTENDEES).query().listOfRows();
		if (chosen.size() < ATTENDEES) {
			throw new IllegalStateException("only " + chosen.size() + " persons with a phone of their own in " + city.get("name"));
		}
		// bcrypt at cost 4 (the application's own are cost 10, and any cost checks): the set-up's 2,000 sign-ins
		// are not what is measured, and at cost 10 they alone took four minutes on the shared cores
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
		Long[] parties = chosen.stream().map(row -> ((Number) row.get("party_id")).longValue()).toArray(Long[]::new);
		String[] names = chosen.stream().map(row -> (String) row.get("party_name")).toArray(String[]::new);
		// kept from an earlier run where they are there (deleting accounts checks every table that may name one)
		jdbc.sql("""
				insert into user_account (username, display_name, password_hash, org_id, enabled, password_change_required)
				select 'bench-member-' || p.party_id, p.name, :hash, null, true, false
				from unnest(cast(:parties as bigint[]), cast(:names as varchar[])) p(party_id, name)
				on conflict do nothing
				""").param("hash", hash).param("parties", parties).param("names", names).update();
		jdbc.sql("update user_account set password_hash = :hash, enabled = true, password_change_required = false "
				+ "where username like 'bench-member-%'").param("hash", hash).update();
		jdbc.sql("""
				insert into user_account_role (user_id, role) select id, 'MEMBER' from user_account where username like 'bench-member-%'
				on conflict do nothing
				""").update();
		jdbc.sql("""
				insert into member_account (account_id, party_id)
				select id, cast(substr(username, length('bench-member-') + 1) as bigint) from user_account
				where username like 'bench-member-%'
				on conflict do nothing
				""").update();
		// four in five registered in the portal beforehand; the fifth walk in
		List<Long> registered = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			if (i % 5 != 4) {
				registered.add(((Number) chosen.get(i).get("membership_id")).longValue());
			}
		}
		jdbc.sql("""
				insert into activity_attendee (activity_id, membership_id, party_id, status, registered_at)
				select :activity, m.id, m.party_id, 'REGISTERED', now() - interval '1 day'
				from membership m where m.id = any(cast(:ids as bigint[]))
				""").param("activity", activity).param("ids", registered.toArray(Long[]::new)).update();
		jdbc.sql("update activity set registered = (select count(*) from activity_attendee where activity_id = :id) where id = :id")
			.param("id", activity).update();
		jdbc.sql("vacuum analyze user_account, user_account_role, member_account, activity_attendee").update();
		PersonalData personalData = context.getBean(PersonalData.class);
		List<Phone> members = chosen.stream().map(row -> new Phone(personalData.decrypt((byte[]) row.get("phone_cipher")))).toList();
		double accounts = (System.nanoTime() - started) / 1e9;

		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		ThreadLocal<HttpClient> client = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(30)).build());
		try {
			// each member signs in by phone in a session of its own and opens the check-in page (its CSRF token);
			// the set-up is not measured, and 20 at a time keeps it from timing out on a busy machine
			started = System.nanoTime();
			ExecutorService setUp = Executors.newFixedThreadPool(20);
			runAll(setUp, members, phone -> {
				HttpClient http = client.get();
				send(http, phone, get("/login", phone));
				HttpResponse<String> signedIn = send(http, phone, post("/login", phone, Map.of("username", phone.login, "password", PASSWORD)));
				String target = signedIn.headers().firstValue("Location").orElse("");
				if (signedIn.statusCode() != 302 || target.contains("error") || target.contains("/account/password")) {
					throw new IllegalStateException("sign-in of " + phone.login + ": " + signedIn.statusCode() + " " + target);
				}
				String body = send(http, phone, get(page, phone)).body();
				if (!body.contains("data-testid=\"check-in\"")) {
					throw new IllegalStateException("no one-tap check-in for " + phone.login);
				}
				return null;
			});
			setUp.shutdown();
			double signIns = (System.nanoTime() - started) / 1e9;
			results.add(String.format(Locale.ROOT, "|   set-up: %,d member sign-ins written (SQL, one password hash), %,d registered; "
					+ "each signed in by phone over HTTP and its check-in page opened (%d clients) | %.1f s + %.1f s = %.0f sign-ins/s | — |",
					ATTENDEES, registered.size(), 20, accounts, signIns, ATTENDEES / signIns));

			String tapPath = "/checkin/" + activity + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
			CpuMeter.Reading before = cpu.read();
			Tally first = taps(pool, client, members, phone -> tapRequest(tapPath, phone, Map.of()));
			String firstCpu = cpu.perRequest(before, ATTENDEES);
			report("Check-in burst, members: " + fmt(ATTENDEES) + " one-tap check-ins (POST /checkin/{id} as the page's script sends it: signed-in member, CSRF form, JSON answer) "
					+ "from " + CLIENTS + " concurrent clients, load " + loadText(load), first, "p95 ≤ 100 ms");
			results.add("|   CPU per check-in in the burst (the JVM holds the server and the 200 clients) | " + firstCpu + " | — |");
			Map<String, Object> recorded = recorded(activity, "party_id is not null");
			String snapshot = snapshot(activity);
			results.add(String.format(Locale.ROOT, "|   recorded: %s rows checked in of %s rows (%s distinct parties, %s walk-ins added); answers: %s | %s | every check-in once |",
					recorded.get("checked"), recorded.get("rows"), recorded.get("distinct_ids"), recorded.get("walk_ins"),
					first.outcomes(), exactlyOnce(recorded, first, "签到成功") ? "exactly once" : "NOT exactly once"));
			Tally second = taps(pool, client, members, phone -> tapRequest(tapPath, phone, Map.of()));
			boolean unchanged = snapshot.equals(snapshot(activity));
			report("  the same 2,000 again", second, "—");
			results.add(String.format(Locale.ROOT, "|   second round: answers %s; rows %s | %s | harmless twice |", second.outcomes(),
					unchanged ? "unchanged" : "CHANGED", second.all("已于") && unchanged ? "all \"已于 …签到\", nothing changed" : "NOT as expected"));

			// For scale: one phone alone, 200 members one after another (the check-ins undone first) …
			reset(activity);
			before = cpu.read();
			Tally alone = sequential(client, members.subList(0, 200), phone -> tapRequest(tapPath, phone, Map.of()));
			String aloneCpu = cpu.perRequest(before, 200);
			report("  for scale: 200 of them one after another from one client", alone, "—");
			results.add("|   CPU per check-in, one after another | " + aloneCpu + " | — |");
			// … and the 2,000 arriving at a steady 20 a second (a door's rush is a few a second) over the same 200 clients
			reset(activity);
			Tally paced = taps(pool, client, members, phone -> tapRequest(tapPath, phone, Map.of()), 20);
			report("  the 2,000 arriving at 20 a second over the 200 clients (open loop)", paced, "—");
			Map<String, Object> again = recorded(activity, "party_id is not null");
			results.add(String.format(Locale.ROOT, "|   recorded after the paced round: %s checked in of %s rows; answers: %s | %s | every check-in once |",
					again.get("checked"), again.get("rows"), paced.outcomes(), exactlyOnce(again, paced, "签到成功") ? "exactly once"
							: "NOT exactly once"));

			// guests: no sign-in; each phone opens the page (a session for its CSRF token), then sends name and phone
			List<Phone> guests = new ArrayList<>();
			for (int i = 0; i < ATTENDEES; i++) {
				guests.add(new Phone(String.format("199%08d", i)));
			}
			runAll(pool, guests, phone -> {
				send(client.get(), phone, get(page, phone));
				return null;
			});
			String guestPath = "/checkin/" + activity + "/guest?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
			before = cpu.read();
			Tally guestRound = taps(pool, client, guests,
					phone -> tapRequest(guestPath, phone, Map.of("guestName", "来宾" + phone.login.substring(7), "guestPhone", phone.login)));
			report("Check-in burst, guests: " + fmt(ATTENDEES) + " by name and phone (POST /checkin/{id}/guest, no sign-in, JSON answer) from "
					+ CLIENTS + " concurrent clients", guestRound, "p95 ≤ 100 ms");
			results.add("|   CPU per guest check-in in the burst | " + cpu.perRequest(before, ATTENDEES) + " | — |");
			Map<String, Object> guestRows = recorded(activity, "guest_name is not null");
			String guestSnapshot = snapshot(activity);
			Tally guestAgain = taps(pool, client, guests,
					phone -> tapRequest(guestPath, phone, Map.of("guestName", "来宾" + phone.login.substring(7), "guestPhone", phone.login)));
			results.add(String.format(Locale.ROOT, "|   recorded: %s guests checked in of %s rows (%s distinct phones); again: %s, rows %s | %s | every check-in once |",
					guestRows.get("checked"), guestRows.get("rows"), guestRows.get("distinct_ids"), guestAgain.outcomes(),
					guestSnapshot.equals(snapshot(activity)) ? "unchanged" : "CHANGED",
					exactlyOnce(guestRows, guestRound, "签到成功") && guestAgain.all("已于") && guestSnapshot.equals(snapshot(activity))
							? "exactly once" : "NOT exactly once"));
			report("  the same 2,000 guests again", guestAgain, "—");
			double[] after = loadAverage();
			results.add("|   load average (1/5/15 min) before the burst " + loadText(load) + ", after " + loadText(after) + " | — | — |");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private interface Step {

		Object run(Phone phone) throws Exception;

	}

	private static void runAll(ExecutorService pool, List<Phone> phones, Step step) throws Exception {
		List<Future<Object>> done = new ArrayList<>();
		for (Phone phone : phones) {
			done.add(pool.submit(() -> step.run(phone)));
		}
		for (Future<Object> future : done) {
			future.get();
		}
	}

	private record Tally(double[] post, double[] page, Map<String, Integer> answers, double seconds, int errors) {

		String outcomes() {
			return answers.toString() + (errors > 0 ? ", " + errors + " errors" : "");
		}

		boolean all(String prefix) {
			return errors == 0 && answers.size() == 1 && answers.keySet().iterator().next().startsWith(prefix);
		}

	}

	private interface Request {

		HttpRequest build(Phone phone);

	}

	/**
	 * Every phone taps at once (200 clients, all released together): the POST is timed; the page the
	 * redirect leads to (what the phone shows next) is fetched and timed apart, and says the outcome.
	 */
	private Tally taps(ExecutorService pool, ThreadLocal<HttpClient> client, List<Phone> phones, Request request)
			throws Exception {
		return taps(pool, client, phones, request, 0);
	}

	/**
	 * With {@code perSecond} 0 every phone taps at once (the 200 clients released together, each
	 * taking the next phone as soon as it is done); otherwise the i-th tap is sent at i ÷ perSecond
	 * seconds from the start (an open loop), by whichever client is free.
	 */
	private Tally taps(ExecutorService pool, ThreadLocal<HttpClient> client, List<Phone> phones, Request request,
			double perSecond) throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		long[] start = new long[1];
		List<Future<Tap>> futures = new ArrayList<>();
		for (int i = 0; i < phones.size(); i++) {
			Phone phone = phones.get(i);
			long offset = perSecond > 0 ? (long) (i * 1e9 / perSecond) : 0;
			futures.add(pool.submit(() -> {
				gate.await();
				long due = start[0] + offset;
				while (System.nanoTime() < due) {
					java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
				}
				return tap(client.get(), phone, request);
			}));
		}
		start[0] = System.nanoTime();
		gate.countDown();
		List<Tap> taps = new ArrayList<>();
		int errors = 0;
		for (Future<Tap> future : futures) {
			try {
				taps.add(future.get());
			}
			catch (java.util.concurrent.ExecutionException e) {
				errors++;
				System.out.println("tap failed: " + e.getCause());
			}
		}
		return tally(taps, (System.nanoTime() - start[0]) / 1e9, errors);
	}

	/** One client, one phone after another. */
	private Tally sequential(ThreadLocal<HttpClient> client, List<Phone> phones, Request request) throws Exception {
		long started = System.nanoTime();
		List<Tap> taps = new ArrayList<>();
		for (Phone phone : phones) {
			taps.add(tap(client.get(), phone, request));
		}
		return tally(taps, (System.nanoTime() - started) / 1e9, 0);
	}

	/**
	 * The tap (timed). The page's script asks for JSON and shows the outcome in place, so that answer
	 * is what the phone shows; a form post's redirect (the page without JavaScript) is followed and
	 * the page timed apart.
	 */
	private Tap tap(HttpClient http, Phone phone, Request request) throws Exception {
		long t0 = System.nanoTime();
		HttpResponse<String> tapped = send(http, phone, request.build(phone));
		long t1 = System.nanoTime();
		if (tapped.statusCode() == 200 && tapped.headers().firstValue("Content-Type").orElse("").contains("json")) {
			return new Tap((t1 - t0) / 1e6, 0, outcome(tapped.body()));
		}
		String location = tapped.headers().firstValue("Location").orElse(null);
		if (tapped.statusCode() != 302 || location == null) {
			return new Tap((t1 - t0) / 1e6, 0, "HTTP " + tapped.statusCode());
		}
		String shown = send(http, phone, get(location.startsWith(base) ? location.substring(base.length()) : location, phone))
			.body();
		long t2 = System.nanoTime();
		return new Tap((t1 - t0) / 1e6, (t2 - t1) / 1e6, outcome(shown));
	}

	private static String outcome(String shown) {
		return shown.contains("签到成功") ? "签到成功" : shown.contains("已于") ? "已于 …签到" : "other";
	}

	/** The members' check-ins undone: walk-ins gone, the registered not yet come. */
	private void reset(Long activity) {
		jdbc.sql("delete from activity_attendee where activity_id = :a and walk_in and party_id is not null").param("a", activity)
			.update();
		jdbc.sql("update activity_attendee set checked_in_at = null, check_in_way = null where activity_id = :a and party_id is not null")
			.param("a", activity).update();
	}

	private static Tally tally(List<Tap> taps, double seconds, int errors) {
		Map<String, Integer> answers = new java.util.TreeMap<>();
		taps.forEach(tap -> answers.merge(tap.outcome(), 1, Integer::sum));
		double[] post = taps.stream().mapToDouble(Tap::postMillis).sorted().toArray();
		double[] page = taps.stream().mapToDouble(Tap::pageMillis).sorted().toArray();
		return new Tally(post, page, answers, seconds, errors);
	}

	private void report(String what, Tally tally, String goal) {
		results.add(String.format(Locale.ROOT, "| %s | p50 %s, p95 %s, p99 %s, max %s (n=%d); %.1f s = %.0f check-ins/s | %s |",
				what, ms(p(tally.post(), 50)), ms(p(tally.post(), 95)), ms(p(tally.post(), 99)),
				ms(tally.post()[tally.post().length - 1]), tally.post().length, tally.seconds(), tally.post().length / tally.seconds(),
				goal));
		if (tally.page()[tally.page().length - 1] > 0) {
			results.add(String.format(Locale.ROOT, "|   the page each phone then shows (GET after the redirect), timed apart | p50 %s, p95 %s, p99 %s | — |",
					ms(p(tally.page(), 50)), ms(p(tally.page(), 95)), ms(p(tally.page(), 99))));
		}
	}

	private static String ms(double millis) {
		return String.format(Locale.ROOT, millis < 100 ? "%.1f ms" : "%.0f ms", millis);
	}

	private static boolean exactlyOnce(Map<String, Object> recorded, Tally tally, String done) {
		long rows = ((Number) recorded.get("rows")).longValue();
		return rows == ATTENDEES && ((Number) recorded.get("checked")).longValue() == ATTENDEES
				&& ((Number) recorded.get("distinct_ids")).longValue() == ATTENDEES && tally.all(done);
	}

	private Map<String, Object> recorded(Long activity, String who) {
		return jdbc.sql("""
				select count(*) as rows, count(*) filter (where checked_in_at is not null) as checked,
				       count(distinct coalesce(party_id::text, encode(guest_phone_hash, 'hex'))) as distinct_ids,
				       count(*) filter (where walk_in) as walk_ins
				from activity_attendee where activity_id = :activity and %s
				""".formatted(who)).param("activity", activity).query().singleRow();
	}

	/** Every attendee row of the activity with its check-in, as one digest: the second round must not change it. */
	private String snapshot(Long activity) {
		return jdbc.sql("""
				select md5(string_agg(id || ':' || status || ':' || coalesce(checked_in_at::text, '-') || ':' || coalesce(check_in_way, '-'),
				                      ',' order by id)) || ' ' || count(*)
				from activity_attendee where activity_id = :activity
				""").param("activity", activity).query(String.class).single();
	}

	private HttpRequest get(String path, Phone phone) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
			.header("Accept", "text/html").header("Accept-Language", "zh-CN");
		if (phone.cookie != null) {
			builder.header("Cookie", "SESSION=" + phone.cookie);
		}
		return builder.GET().build();
	}

	private HttpRequest post(String path, Phone phone, Map<String, String> fields) {
		return post(path, phone, fields, "text/html");
	}

	/** The tap as the check-in page's script sends it: the form, asking for JSON back (checkin.js). */
	private HttpRequest tapRequest(String path, Phone phone, Map<String, String> fields) {
		return post(path, phone, fields, "application/json");
	}

	private HttpRequest post(String path, Phone phone, Map<String, String> fields, String accept) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(enc(name)).append('=').append(enc(value)).append('&'));
		body.append("_csrf=").append(enc(phone.csrf));
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
			.header("Accept", accept).header("Accept-Language", "zh-CN")
			.header("Content-Type", "application/x-www-form-urlencoded");
		if (phone.cookie != null) {
			builder.header("Cookie", "SESSION=" + phone.cookie);
		}
		return builder.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
	}

	/** Sends as the phone's browser would: keeps the session cookie it is given and the page's CSRF token. */
	private static HttpResponse<String> send(HttpClient http, Phone phone, HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			Matcher session = SESSION.matcher(cookie);
			if (cookie.startsWith("SESSION=") && session.find()) {
				phone.cookie = session.group(1);
			}
		}
		Matcher csrf = CSRF.matcher(response.body());
		if (csrf.find()) {
			phone.csrf = csrf.group(1);
		}
		return response;
	}

	/**
	 * The burst's activity and the sessions of an earlier run go, so the province's figures count the
	 * generated activities only; the members' sign-ins stay for the next run.
	 */
	private void removeBurst() {
		jdbc.sql("delete from activity_attendee where activity_id in (select id from activity where title = :title)")
			.param("title", BURST_TITLE).update();
		jdbc.sql("delete from activity where title = :title").param("title", BURST_TITLE).update();
		jdbc.sql("delete from spring_session where principal_name like 'bench-member-%' or principal_name is null").update();
	}

	// ---------------------------------------------------------------- helpers

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

	private static Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ChinaTime.ZONE).toInstant());
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

	private static double p(double[] sorted, int percentile) {
		return sorted.length == 0 ? Double.NaN
				: sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

	static double[] loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]) };
		}
		catch (IOException e) {
			return new double[] { Double.NaN, Double.NaN, Double.NaN };
		}
	}

	static String loadText(double[] load) {
		return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", load[0], load[1], load[2]);
	}

	private static String fmt(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
