package org.chamberlink.member;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.benefit.BenchmarkCardCodes;
import org.chamberlink.benefit.MemberCards;
import org.chamberlink.benefit.MerchantCategory;
import org.chamberlink.benefit.MerchantForm;
import org.chamberlink.benefit.Merchants;
import org.chamberlink.disclosure.Disclosures;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.shared.ChinaTime;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 21's speed goals at a province's scale, part of {@link MemberBenchmark}
 * ({@code BENCHMARK_ONLY=benefit}).
 * <p>
 * <b>Card check.</b> A partner merchant signed by the county checks member cards through its
 * till's API: codes issued by the application's signer for members picked at random (nine in ten
 * of the county, one in ten from elsewhere, answered as forged), standing read from the dues ledger
 * at check time over the province's 1,000,000 memberships and their bills. Then a use recorded per
 * valid card, and members in arrears: checked (in arrears), their overdue bill paid through the
 * dues API, checked again at once (valid).
 * <p>
 * <b>Finance disclosure.</b> The province's dues ledger gets a payment entry for every bill paid so
 * far (and a refund for one in a hundred), every county federation donation campaigns with
 * receipts (the measured county more), set-based; the county's disclosure of this year, a draft,
 * so its income is computed from both ledgers on every read, with a hundred expenses; its finances
 * through the API, its page, and the board of its subtree are timed.
 */
final class BenefitBenchmark {

	private static final String PASSWORD = "Benchmark-Passw0rd-1";

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String MERCHANT = "基准合作商户";

	private final MemberBenchmark benchmark;

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private final List<String> results;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	BenefitBenchmark(MemberBenchmark benchmark, ConfigurableApplicationContext context, JdbcClient jdbc, List<String> results) {
		this.benchmark = benchmark;
		this.context = context;
		this.jdbc = jdbc;
		this.results = results;
		this.base = "http://localhost:" + benchmark.port();
	}

	void run(long countyId, AccountPrincipal countyUser, String countyToken) throws Exception {
		String countyPath = jdbc.sql("select path from organization where id = :id").param("id", countyId).query(String.class).single();
		cards(countyId, countyPath, countyUser, countyToken);
		disclosure(countyId, countyPath, countyUser, countyToken);
	}

	// ---------------------------------------------------------------- card check

	private void cards(long countyId, String countyPath, AccountPrincipal countyUser, String countyToken) throws Exception {
		AccountPrincipal till = till(countyId, countyUser);
		String tillToken = context.getBean(ApiTokens.class).create(till.id(), "benchmark").secret();

		List<Long> here = jdbc.sql("""
				select party_id from membership where org_path like :p and left_on is null order by random() limit 900
				""").param("p", countyPath + "%").query(Long.class).list();
		List<Long> elsewhere = jdbc.sql("""
				select party_id from membership where org_path not like :p and left_on is null
				  and id > (select max(id) / 2 from membership) limit 100
				""").param("p", countyPath + "%").query(Long.class).list();
		List<Long> sample = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			sample.add(i % 10 == 9 ? elsewhere.get(i / 10) : here.get(i - i / 10));
		}
		Map<String, Object> data = jdbc.sql("""
				select (select count(*) from membership where left_on is null) as current,
				       (select count(*) from dues_bill) as bills,
				       (select count(*) from dues_bill where due_on < current_date and paid_fen + waived_fen < amount_fen) as overdue,
				       (select count(*) from membership where org_path like :p and left_on is null) as county
				""").param("p", countyPath + "%").query().singleRow();
		results.add(String.format(Locale.ROOT,
				"| Cards: %,d current memberships, %,d dues bills of which %,d overdue; the merchant is the county's (%,d current memberships in its subtree) | — | — |",
				n(data, "current"), n(data, "bills"), n(data, "overdue"), n(data, "county")));

		int[] answers = new int[3];
		double[] api = MemberBenchmark.measure(300, i -> {
			String body = post("/api/v1/merchant/checks", tillToken, code(sample.get(i % sample.size())), 200);
			answers[body.contains("\"valid\":true") ? 0 : body.contains("逾期") || body.contains("arrears") ? 1 : 2]++;
		});
		benchmark.row(String.format(Locale.ROOT,
				"Card check by a merchant's till (POST /api/v1/merchant/checks): signature, membership, dues standing at check time — %d valid, %d in arrears, %d not recognised (other counties)",
				answers[0], answers[1], answers[2]), api, "p95 ≤ 50 ms");
		benchmark.row("  for scale: GET /api/v1/me with the county's token (HTTP, authentication, JSON), same moment",
				MemberBenchmark.measure(300, i -> benchmark.get("/api/v1/me", countyToken)), "");
		MemberCards cards = context.getBean(MemberCards.class);
		benchmark.row("  the same through the service (MemberCards.check, no HTTP)",
				MemberBenchmark.measure(300, i -> as(till, () -> cards.check(till, BenchmarkCardCodes.issue(context, sample.get(i % sample.size()))))),
				"");

		// a use recorded for valid cards (a fresh code each: a code is used once at a merchant)
		List<Long> valid = new ArrayList<>();
		for (Long party : here.subList(0, 300)) {
			if (as(till, () -> cards.check(till, BenchmarkCardCodes.issue(context, party))).valid()) {
				valid.add(party);
			}
		}
		java.util.concurrent.atomic.AtomicInteger nextCard = new java.util.concurrent.atomic.AtomicInteger();
		benchmark.row(String.format(Locale.ROOT, "Use recorded at the till (POST /api/v1/merchant/uses: checked again, then written), %d valid cards",
				valid.size()), MemberBenchmark.measure(Math.max(1, Math.min(200, valid.size() - MemberBenchmark.WARMUP)),
						// each call the next card: a card's code names the second, so the same card again within it is the same use
						i -> post("/api/v1/merchant/uses", tillToken, code(valid.get(nextCard.getAndIncrement() % valid.size())), 201)), "");

		arrearsPaid(countyPath, countyToken, tillToken);
	}

	/** Members with one overdue bill: refused for arrears, the bill paid, the next check valid. */
	private void arrearsPaid(String countyPath, String countyToken, String tillToken) throws Exception {
		List<Map<String, Object>> owing = jdbc.sql("""
				select b.id, b.party_id, b.amount_fen - b.paid_fen - b.waived_fen as open from dues_bill b
				join membership m on m.id = b.membership_id and m.left_on is null
				where b.org_path like :p and b.due_on < current_date and b.paid_fen + b.waived_fen < b.amount_fen
				  and not exists (select 1 from dues_bill o where o.party_id = b.party_id and o.id <> b.id
				                  and o.due_on < current_date and o.paid_fen + o.waived_fen < o.amount_fen)
				order by b.id limit 20
				""").param("p", countyPath + "%").query().listOfRows();
		int refused = 0;
		int validAfter = 0;
		double[] millis = new double[owing.size()];
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		for (int i = 0; i < owing.size(); i++) {
			long party = n(owing.get(i), "party_id");
			long open = n(owing.get(i), "open");
			if (post("/api/v1/merchant/checks", tillToken, code(party), 200).contains("\"valid\":false")) {
				refused++;
			}
			long started = System.nanoTime();
			post("/api/v1/dues/bills/" + n(owing.get(i), "id") + "/payments", countyToken, String.format(Locale.ROOT,
					"{\"amount\":\"%d.%02d\",\"paidOn\":\"%s\",\"method\":\"BANK\",\"reference\":\"BENCH-CARD-%d-%d\"}", open / 100,
					open % 100, today, n(owing.get(i), "id"), System.nanoTime()), 201);
			if (post("/api/v1/merchant/checks", tillToken, code(party), 200).contains("\"valid\":true")) {
				validAfter++;
			}
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		benchmark.row(String.format(Locale.ROOT,
				"Member in arrears pays: %d of %d refused for arrears before, the overdue bill paid (POST /api/v1/dues/bills/{id}/payments), %d of %d valid at the very next check — payment and check together",
				refused, owing.size(), validAfter, owing.size()), millis, "valid at once");
	}

	/** The county's partner merchant and its till (opened once, kept in the province). */
	private AccountPrincipal till(long countyId, AccountPrincipal countyUser) {
		Merchants merchants = context.getBean(Merchants.class);
		AccountManagement accounts = context.getBean(AccountManagement.class);
		Long id = jdbc.sql("select id from benefit_merchant where org_id = :o and name = :n").param("o", countyId).param("n", MERCHANT)
			.query(Long.class).optional()
			.orElseGet(() -> as(countyUser, () -> merchants.create(new MerchantForm(countyId, MERCHANT, MerchantCategory.CATERING,
					"长安区中山东路1号", "会员九折", LocalDate.of(2026, 1, 1), null))));
		String login = "merchant-" + id;
		if (accounts.findByUsername(login).isEmpty()) {
			Merchants.Opened opened = as(countyUser, () -> merchants.openAccount(id));
			Long accountId = accounts.findByUsername(login).orElseThrow().id();
			accounts.changePassword(accountId, opened.initialPassword(), PASSWORD);
		}
		return accounts.findByUsername(login).orElseThrow();
	}

	/** The request body of a check or use: a code issued now for the member. */
	private String code(long party) {
		return "{\"code\":\"" + BenchmarkCardCodes.issue(context, party) + "\"}";
	}

	// ---------------------------------------------------------------- finance disclosure

	private void disclosure(long countyId, String countyPath, AccountPrincipal countyUser, String countyToken) throws Exception {
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		seedLedgers(countyId, year);
		Disclosures disclosures = context.getBean(Disclosures.class);
		Long id = jdbc.sql("select id from disclosure where org_id = :o and year = :y").param("o", countyId).param("y", year)
			.query(Long.class).optional().orElseGet(() -> as(countyUser, () -> disclosures.create(countyId, year)));
		if (jdbc.sql("select count(*) from disclosure_expense where disclosure_id = :d").param("d", id).query(Long.class).single() == 0) {
			jdbc.sql("""
					insert into disclosure_expense (disclosure_id, spent_on, category, purpose, amount_fen, voucher_name, voucher_type, voucher)
					select :d, make_date(:y, 1 + g % 11, 1 + g % 28), (array['OFFICE','ACTIVITIES','STAFF','PARTY','WELFARE','OTHER'])[1 + g % 6],
					       '基准支出 ' || g, 10000 + g * 137, 'voucher-' || g || '.pdf', 'application/pdf', decode(repeat('25', 2048), 'hex')
					from generate_series(1, 100) g
					""").param("d", id).param("y", year).update();
		}
		Map<String, Object> ledger = jdbc.sql("""
				select (select count(*) from dues_entry) as entries,
				       (select count(*) from dues_entry where org_id = :o and occurred_on between make_date(:y, 1, 1) and make_date(:y, 12, 31)) as own,
				       (select count(*) from welfare_receipt) as receipts,
				       (select count(*) from welfare_receipt r join welfare_campaign c on c.id = r.campaign_id where c.org_id = :o) as ownReceipts,
				       (select count(*) from organization where path like :p and status = 'ACTIVE') as orgs
				""").param("o", countyId).param("y", year).param("p", countyPath + "%").query().singleRow();
		results.add(String.format(Locale.ROOT,
				"| Disclosure: %,d dues ledger entries in the province (%,d of the county's own books this year), %,d donation receipts (%,d to the county's campaigns), 100 expenses; %,d organisations in the county's subtree | — | — |",
				n(ledger, "entries"), n(ledger, "own"), n(ledger, "receipts"), n(ledger, "ownreceipts"), n(ledger, "orgs")));

		benchmark.row("County finance disclosure of this year, a draft computed from the dues and donation ledgers (GET /api/v1/disclosures/{id}/finances)",
				MemberBenchmark.measure(200, i -> benchmark.get("/api/v1/disclosures/" + id + "/finances", countyToken)), "p95 ≤ 200 ms");
		String[] session = signedIn(countyUser.getUsername());
		benchmark.row("  its page (GET /disclosures/{id}: finances, expenses, documents, resolutions and the year's minutes to pick from)",
				MemberBenchmark.measure(100, i -> page(session, "/disclosures/" + id)), "p95 ≤ 200 ms");
		benchmark.row("Disclosure board of the county's subtree, last year (GET /api/v1/disclosures/board?orgId=)",
				MemberBenchmark.measure(100, i -> benchmark.get("/api/v1/disclosures/board?orgId=" + countyId, countyToken)), "");
		NamedParameterJdbcTemplate raw = context.getBean(NamedParameterJdbcTemplate.class);
		Map<String, Object> params = Map.of("org", countyId, "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31));
		benchmark.row("  the two ledger sums alone over JDBC (dues by kind, donations by kind)", MemberBenchmark.measure(200, i -> {
			raw.queryForList("select kind, sum(amount_fen) from dues_entry where org_id = :org and occurred_on between :from and :to group by kind",
					params);
			raw.queryForList("""
					select c.kind, sum(r.money_fen) from welfare_campaign c join welfare_receipt r on r.campaign_id = c.id
					where c.org_id = :org and r.received_on between :from and :to group by c.kind
					""", params);
		}), "");
	}

	/**
	 * The ledgers as a year of recording would leave them: a payment entry for every bill paid so far
	 * (dated within the year, not after today) and a refund for one in a hundred; donation campaigns
	 * of every county federation, each with pledges and their receipts (the measured county 2,000 per
	 * campaign, the others 100).
	 */
	private void seedLedgers(long countyId, int year) {
		if (jdbc.sql("select count(*) from dues_entry where recorded_by = 'benchmark'").query(Long.class).single() == 0) {
			long started = System.nanoTime();
			int payments = jdbc.sql("""
					insert into dues_entry (membership_id, org_id, org_path, bill_id, kind, amount_fen, applied_fen, method, occurred_on,
					    receipt_no, recorded_by, recorded_at)
					select b.membership_id, b.org_id, b.org_path, b.id, 'PAYMENT', b.paid_fen, b.paid_fen, 'BANK',
					       least(greatest(b.issued_on, make_date(:y, 1, 1)) + (b.id % 200)::int, current_date), 900000000 + b.id,
					       'benchmark', now()
					from dues_bill b where b.year = :y and b.paid_fen > 0
					""").param("y", year).update();
			int refunds = jdbc.sql("""
					insert into dues_entry (membership_id, org_id, org_path, bill_id, kind, amount_fen, method, occurred_on, reason,
					    recorded_by, recorded_at)
					select b.membership_id, b.org_id, b.org_path, b.id, 'REFUND', 2000, 'BANK',
					       least(greatest(b.issued_on, make_date(:y, 1, 1)) + (b.id % 200)::int + 10, current_date), '多缴退还',
					       'benchmark', now()
					from dues_bill b where b.year = :y and b.paid_fen > 0 and b.id % 100 = 0
					""").param("y", year).update();
			int campaigns = jdbc.sql("""
					insert into welfare_campaign (org_id, org_path, kind, title, starts_on)
					select o.id, o.path, k.kind, '基准募捐 ' || k.kind, make_date(:y, 1, 1)
					from organization o cross join (values ('DISASTER'), ('EDUCATION'), ('EPIDEMIC'), ('OTHER')) k(kind)
					where o.type = 'FEDERATION' and o.level = 'COUNTY'
					""").param("y", year).update();
			jdbc.sql("""
					insert into welfare_pledge (campaign_id, org_path, donor_name, money_fen, pledged_on)
					select c.id, c.org_path, '基准捐赠人 ' || g, 10000 + (g * 7919) % 500000, make_date(:y, 1, 1) + (g % 300)
					from welfare_campaign c cross join generate_series(1, 2000) g
					where c.title like '基准募捐 %' and (g <= 100 or c.org_id = :county)
					""").param("y", year).param("county", countyId).update();
			int receipts = jdbc.sql("""
					insert into welfare_receipt (campaign_id, pledge_id, org_path, number, received_on, money_fen)
					select p.campaign_id, p.id, p.org_path, 'JZ' || p.id, least(p.pledged_on + 15, current_date), p.money_fen
					from welfare_pledge p join welfare_campaign c on c.id = p.campaign_id where c.title like '基准募捐 %'
					""").param("y", year).update();
			jdbc.sql("vacuum analyze dues_entry, welfare_campaign, welfare_pledge, welfare_receipt").update();
			results.add(String.format(Locale.ROOT,
					"|   set-up: %,d dues payment entries and %,d refunds, %,d donation campaigns with %,d receipts, inserted set-based | %.1f s | — |",
					payments, refunds, campaigns, receipts, (System.nanoTime() - started) / 1e9));
		}
	}

	// ---------------------------------------------------------------- helpers

	private String post(String path, String token, String json, int expected) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/** A staff account's browser session: [session cookie, CSRF token]. */
	private String[] signedIn(String username) throws Exception {
		String[] session = new String[2];
		send(session, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
		String body = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(session[1]);
		HttpResponse<String> response = send(session, HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + session[0])
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed");
		}
		return session;
	}

	private void page(String[] session, String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html").header("Accept-Language", "zh-CN").header("Cookie", "SESSION=" + session[0]).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " -> " + response.statusCode());
		}
	}

	private HttpResponse<String> send(String[] session, HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			Matcher found = SESSION.matcher(cookie);
			if (cookie.startsWith("SESSION=") && found.find()) {
				session[0] = found.group(1);
			}
		}
		Matcher csrf = CSRF.matcher(response.body());
		if (csrf.find()) {
			session[1] = csrf.group(1);
		}
		return response;
	}

	private static long n(Map<String, Object> row, String key) {
		return ((Number) row.get(key)).longValue();
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
