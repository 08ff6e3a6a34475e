package org.chamberlink.member;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.chamberlink.honour.Award;
import org.chamberlink.honour.HonoreeKind;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourProgrammes;
import org.chamberlink.honour.ProgrammeForm;
import org.chamberlink.honour.web.HonourCertificateBenchmark;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Honours (issue 18) at a province's scale, part of {@link MemberBenchmark} ({@code BENCHMARK_ONLY=honours}).
 * <p>
 * 1. The bulk award: 10,000 accepted county-level nominations on notice (set-up, written set-based
 * straight into the honour tables from the county's members), awarded by the county's staff through
 * {@link HonourAwards#awardAll} — the database half, timed alone — then read back and rendered as one
 * merged certificate PDF (the PDF half), and the two together against the ≤ 60 s goal.
 * 2. The public verification page (signed out, over HTTP) with 1,000,000 certificates issued (set-up:
 * nominations and awards added set-based in the kept province until there are that many), for
 * numbers that exist and for well-formed numbers never issued. Start with
 * {@code CHAMBERLINK_HONOUR_PUBLICHITSPERMINUTE=1000000} so the throttle counts but never refuses
 * (its upsert is part of every hit).
 */
final class HonourBenchmark {

	static final int BULK = 10_000;

	static final int CERTIFICATES = 1_000_000;

	private final MemberBenchmark benchmark;

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private final List<String> results;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	HonourBenchmark(MemberBenchmark benchmark, ConfigurableApplicationContext context, JdbcClient jdbc, List<String> results) {
		this.benchmark = benchmark;
		this.context = context;
		this.jdbc = jdbc;
		this.results = results;
	}

	void run(long province) throws Exception {
		String provincePath = jdbc.sql("select path from organization where id = :id").param("id", province).query(String.class).single();
		// the city of the province with the most members: its counties' county-level honours, 10,000 in all, awarded at once by
		// the city's staff (the generated province's biggest county has about 6,500 members, fewer than the 10,000 of the goal)
		Map<String, Object> city = jdbc.sql("""
				select o.id, o.path, o.name, count(*) as n from organization o
				join published_membership m on starts_with(m.org_path, o.path) and m.org_id <> o.id
				where o.type = 'FEDERATION' and o.level = 'CITY' and starts_with(o.path, :province)
				group by o.id, o.path, o.name order by count(*) desc limit 1
				""").param("province", provincePath).query().singleRow();
		long cityId = ((Number) city.get("id")).longValue();
		String cityPath = (String) city.get("path");
		AccountPrincipal cityUser = context.getBean(AccountManagement.class).create(new NewAccount("bench-honour-" + System.nanoTime(),
				"基准测试", "Benchmark-Passw0rd-1", cityId, Set.of(Role.FEDERATION_ADMIN), false));
		results.add(String.format(Locale.ROOT, "Honours: %s, %,d members below it; load average %s before.", city.get("name"),
				((Number) city.get("n")).longValue(), MemberBenchmark.loadAverage()));
		if (!"verify".equals(System.getenv("HONOUR_BENCHMARK_PART"))) {
			bulkAward(cityId, cityPath, cityUser);
		}
		verification(provincePath);
	}

	private void bulkAward(long cityId, String cityPath, AccountPrincipal cityUser) throws Exception {
		signIn(cityUser);
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		Long programme = context.getBean(HonourProgrammes.class).create(new ProgrammeForm(cityId, "五星级文明户（基准）" + System.nanoTime(), null,
				Set.of(HonoreeKind.ENTERPRISE, HonoreeKind.INDIVIDUAL_BUSINESS, HonoreeKind.PERSON, HonoreeKind.ORGANIZATION),
				Set.of(HonourLevel.COUNTY), year, true, true, false, false, false, null, true, false, 5));
		long started = System.nanoTime();
		int seeded = jdbc.sql("""
				insert into honour_nomination (programme_id, level, nominator_org_id, nominator_org_path, reviewer_org_id,
				    reviewer_org_path, membership_id, party_id, nominee_name, nominee_org_name, reasons, status, rank, notice_from,
				    notice_until, created_by, created_at)
				select :p, 'COUNTY', m.org_id, m.org_path, m.county_id, m.county_path, m.membership_id, m.party_id, m.party_name,
				    coalesce(o.name, ''), '基准：文明经营', 'ACCEPTED', null, current_date - 6, current_date - 1, :by, now()
				from (select distinct on (m.party_id) m.*, c.id as county_id, c.path as county_path from published_membership m
				      join organization c on c.type = 'FEDERATION' and c.level = 'COUNTY' and starts_with(m.org_path, c.path)
				          and m.org_id <> c.id and starts_with(c.path, :cityPath)
				      where starts_with(m.org_path, :cityPath) and m.left_on is null
				      order by m.party_id limit :n) m
				left join organization o on o.id = m.org_id
				""")
			.param("p", programme)
			.param("cityPath", cityPath)
			.param("by", cityUser.id())
			.param("n", BULK)
			.update();
		jdbc.sql("analyze honour_nomination").update();
		results.add(String.format(Locale.ROOT, "|   set-up: %,d accepted county-level nominations on notice, inserted set-based | %.1f s | — |",
				seeded, (System.nanoTime() - started) / 1e9));

		String load = MemberBenchmark.loadAverage();
		started = System.nanoTime();
		List<Long> awarded = context.getBean(HonourAwards.class).awardAll(programme, HonourLevel.COUNTY);
		double database = (System.nanoTime() - started) / 1e9;
		results.add(String.format(Locale.ROOT,
				"| Bulk award, database half: %,d county-level awards written by awardAll (eligibility asked again in batches, numbers, events) | %.1f s (load %s) | — |",
				awarded.size(), database, load));
		// the points ledger hears of each award after the commit: let it finish before the PDF is timed
		awaitEventsHandled();
		load = MemberBenchmark.loadAverage();
		started = System.nanoTime();
		List<Award> awards = context.getBean(HonourAwards.class).all(awarded);
		double read = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		byte[] pdf = HonourCertificateBenchmark.render(context, awards);
		double render = (System.nanoTime() - started) / 1e9;
		results.add(String.format(Locale.ROOT,
				"| Bulk award, PDF half: %,d awards read back (%.1f s) and rendered as one merged PDF (%.1f MB) | %.1f s (load %s) | — |",
				awards.size(), read, pdf.length / 1e6, render, load));
		results.add(String.format(Locale.ROOT, "| Bulk award of %,d with the merged certificate PDF, both halves | %.1f s | ≤ 60 s |",
				awarded.size(), database + read + render));
		SecurityContextHolder.clearContext();
	}

	private void verification(String provincePath) throws Exception {
		long existing = jdbc.sql("select count(*) from honour_award").query(Long.class).single();
		if (existing < CERTIFICATES) {
			long started = System.nanoTime();
			seedCertificates(provincePath, CERTIFICATES - existing);
			results.add(String.format(Locale.ROOT, "|   set-up: %,d certificates (nominations and awards) inserted set-based | %.1f s | — |",
					CERTIFICATES - existing, (System.nanoTime() - started) / 1e9));
		}
		long issued = jdbc.sql("select count(*) from honour_award").query(Long.class).single();
		List<String> numbers = jdbc.sql("select certificate_number from honour_award tablesample system (1) limit 260")
			.query(String.class).list();
		String load = MemberBenchmark.loadAverage();
		double[] found = MemberBenchmark.measure(200, i -> verify(numbers.get(i % numbers.size()), 200));
		benchmark.row(String.format(Locale.ROOT, "Verification page, a certificate issued, signed out over HTTP (%,d certificates; load %s)",
				issued, load), found, "p95 ≤ 50 ms");
		// the lookup alone (the service's one statement by the unique index on the number), without HTTP, throttle or page
		HonourAwards awards = context.getBean(HonourAwards.class);
		load = MemberBenchmark.loadAverage();
		double[] lookup = MemberBenchmark.measure(200, i -> awards.verify(numbers.get(i % numbers.size())).orElseThrow());
		benchmark.row(String.format(Locale.ROOT, "  the certificate's lookup alone (HonourAwards.verify, no HTTP, throttle or page; load %s)", load),
				lookup, "—");
		load = MemberBenchmark.loadAverage();
		double[] missing = MemberBenchmark.measure(200, i -> verify(String.format(Locale.ROOT, "RY-2222-3333-4444-%04d", 2000 + i)
			.replace('0', 'A').replace('1', 'B'), 404));
		benchmark.row(String.format(Locale.ROOT, "Verification page, a well-formed number never issued (404; load %s)", load), missing,
				"p95 ≤ 50 ms");
	}

	/**
	 * Nominations and awards until there are {@code count} more certificates: the members of the
	 * province, one each (a second round when there are fewer members than certificates wanted), with
	 * random well-formed numbers drawn in SQL.
	 */
	private void seedCertificates(String provincePath, long count) {
		long province = jdbc.sql("select id from organization where path = :p").param("p", provincePath).query(Long.class).single();
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		long remaining = count;
		for (int round = 0; remaining > 0 && round < 3; round++) {
			long programme = jdbc.sql("""
					insert into honour_programme (org_id, org_path, name, honoree_kinds, levels, cycle, certificate, plaque, created_by,
					    created_at)
					values (:org, :path, :name, array['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'PERSON', 'ORGANIZATION'], array['COUNTY'], :year,
					    true, false, 0, now())
					returning id
					""").param("org", province).param("path", provincePath).param("name", "验证页基准证书 " + round)
				.param("year", year).query(Long.class).single();
			jdbc.sql("""
					insert into honour_nomination (programme_id, level, nominator_org_id, nominator_org_path, reviewer_org_id,
					    reviewer_org_path, membership_id, party_id, nominee_name, nominee_org_name, reasons, status, created_by, created_at)
					select :p, 'COUNTY', m.org_id, m.org_path, m.org_id, m.org_path, m.membership_id, m.party_id, m.party_name, '',
					    '基准', 'AWARDED', 0, now()
					from (select distinct on (m.party_id) m.* from published_membership m where starts_with(m.org_path, :path)
					      order by m.party_id limit :n) m
					""").param("p", programme).param("path", provincePath).param("n", remaining).update();
			int written = jdbc.sql("""
					insert into honour_award (nomination_id, programme_id, level, cycle, certificate_number, awarded_on, awarding_org_id,
					    awarding_org_path, awarding_org_name, programme_name, membership_id, party_id, party_member, awardee_name,
					    awardee_org_name, awardee_org_path, awarded_by)
					select n.id, n.programme_id, 'COUNTY', :year,
					    'RY-' || substr(r.c, 1, 4) || '-' || substr(r.c, 5, 4) || '-' || substr(r.c, 9, 4) || '-' || substr(r.c, 13, 4),
					    current_date, n.reviewer_org_id, n.reviewer_org_path, '基准工商联', '验证页基准证书', n.membership_id, n.party_id,
					    false, n.nominee_name, '基准商会', n.nominator_org_path, 0
					from honour_nomination n
					cross join lateral (select string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ',
					    1 + (get_byte(h.b, k) % 31), 1), '' order by k) as c
					    from (select decode(md5(n.id::text || random()::text), 'hex') as b) h, generate_series(0, 15) k) r
					where n.programme_id = :p
					on conflict (certificate_number) do nothing
					""").param("p", programme).param("year", year).update();
			remaining -= written;
		}
		jdbc.sql("analyze honour_nomination").update();
		jdbc.sql("analyze honour_award").update();
	}

	private void awaitEventsHandled() {
		long started = System.nanoTime();
		try {
			org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> jdbc
				.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException | org.springframework.dao.DataAccessException notYet) {
			// measured anyway; the line below says how long was waited
		}
		results.add(String.format(Locale.ROOT, "|   (waited %.1f s for the points ledger's listeners to handle the awards) | — | — |",
				(System.nanoTime() - started) / 1e9));
	}

	private void verify(String number, int expected) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + benchmark.port()
					+ "/honours/verify/" + number)).GET().build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(number + " -> " + response.statusCode());
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

	private static void signIn(AccountPrincipal principal) {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
	}

}
