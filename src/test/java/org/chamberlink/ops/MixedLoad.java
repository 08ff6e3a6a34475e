package org.chamberlink.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mixed load run and the fault runs of issue 23, a client outside the servers' JVMs: signed-in
 * county and chamber users of the kept benchmark province drive two instances through nginx
 * ({@code ops/two-instances.sh}), about 70 % reads (lists with filters, detail pages, figures), 20 %
 * searches and 10 % writes (a payment, a case step, a member edit, a check-in). Every write the
 * client saw acknowledged is logged with what identifies it, and after the run each is looked up in
 * the database: an acknowledged write missing there is lost.
 *
 * <p>
 * {@code LOAD_FAULT} chooses the run: {@code none} (measure), {@code kill} (instance A killed with
 * -9 a third of the way in), {@code postgres} (PostgreSQL stopped hard a third of the way in and
 * started again 10 s later; the instances are not restarted), {@code outbox} (2,000 mails queued,
 * instance A killed while the outbox sends them, a counting SMTP sink checks that each arrives,
 * none twice). Run from the repository's root with the environment {@code ops/two-instances.sh}
 * was started with (see README "Load and fault runs").
 */
public final class MixedLoad {

	static final String PASSWORD = "Load-Passw0rd-2026";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	final String base = "http://127.0.0.1:" + env("NGINX_PORT", "8088");

	final String db = "jdbc:postgresql://localhost:" + env("PG_PORT", "15460") + "/chamberlink";

	final int seconds = Integer.parseInt(env("LOAD_SECONDS", "60"));

	final int warmup = Integer.parseInt(env("LOAD_WARMUP", "15"));

	final int clients = Integer.parseInt(env("LOAD_CLIENTS", "24"));

	final String fault = env("LOAD_FAULT", "none");

	final String run = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);

	final Path out = Path.of("target", "ops", "load-" + run);

	public static void main(String[] args) throws Exception {
		MixedLoad load = new MixedLoad();
		if ("outbox".equals(load.fault)) {
			new OutboxFault(load).run();
		}
		else {
			load.run();
		}
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	// ---- users ----

	/** A signed-in user: a session for the pages, a token for the API, and what it may touch. */
	static final class User {

		final String username;

		final long orgId;

		final String orgPath;

		final boolean county;

		HttpClient http;

		String token;

		long activityId;

		List<Long> parties = List.of();

		List<Long> bills = List.of();

		List<Long> cases = List.of();

		List<Long> memberships = List.of();

		List<Long> ownParties = List.of();

		List<String> names = List.of();

		User(String username, long orgId, String orgPath, boolean county) {
			this.username = username;
			this.orgId = orgId;
			this.orgPath = orgPath;
			this.county = county;
		}

	}

	List<User> users = new ArrayList<>();

	Connection connect() throws SQLException {
		return DriverManager.getConnection(db, "postgres", "");
	}

	/** Accounts written directly (like the benchmarks do), then signed in through nginx like a browser. */
	void prepare() throws Exception {
		Files.createDirectories(out);
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		try (Connection c = connect()) {
			Map<String, Object> county = row(c, """
					select id, path from organization where type = 'FEDERATION' and level = 'COUNTY' and region_code = '130102'
					  and name = '长安区工商联' order by id limit 1""");
			long countyId = ((Number) county.get("id")).longValue();
			String countyPath = (String) county.get("path");
			for (int i = 0; i < 4; i++) {
				users.add(new User("load-" + run + "-county-" + i, countyId, countyPath, true));
			}
			try (PreparedStatement s = c.prepareStatement("""
					select o.id, o.path from organization o where o.type = 'CHAMBER' and o.path like ? || '%'
					order by (select count(*) from membership m where m.org_path like o.path || '%' and m.left_on is null) desc limit 8""")) {
				s.setString(1, countyPath);
				try (ResultSet r = s.executeQuery()) {
					int i = 0;
					while (r.next()) {
						users.add(new User("load-" + run + "-chamber-" + i++, r.getLong(1), r.getString(2), false));
					}
				}
			}
			for (User u : users) {
				long id = ((Number) row(c, "insert into user_account (username, display_name, password_hash, org_id) values ('"
						+ u.username + "', '负载测试', '" + hash + "', " + u.orgId + ") returning id").get("id")).longValue();
				exec(c, "insert into user_account_role (user_id, role) values (" + id + ", '"
						+ (u.county ? "FEDERATION_ADMIN" : "CHAMBER_ADMIN") + "')");
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				u.token = "clk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
				String tokenHash = HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(u.token.getBytes(StandardCharsets.UTF_8)));
				exec(c, "insert into api_token (user_id, name, token_prefix, token_hash) values (" + id + ", 'load', '"
						+ u.token.substring(0, 12) + "', '" + tokenHash + "')");
				u.parties = longs(c, "select party_id from membership where org_path like ? || '%' and left_on is null order by random() limit 3000", u.orgPath);
				u.names = strings(c, "select party_name from membership where org_path like ? || '%' order by random() limit 500", u.orgPath);
				u.bills = longs(c, "select id from dues_bill where org_path like ? || '%' and paid_fen + waived_fen < amount_fen order by random() limit 2000", u.orgPath);
				u.cases = longs(c, "select id from service_case where org_path like ? || '%' and state in ('ACCEPTED', 'IN_PROGRESS') order by random() limit 1000", u.orgPath);
				u.memberships = longs(c, "select id from membership where org_path like ? || '%' and left_on is null order by random() limit 3000", u.orgPath);
				// parties whose every membership lies in the user's subtree: an edit changes them at once (no proposal)
				u.ownParties = longs(c, """
						select m.party_id from membership m where m.org_path like ? || '%' group by m.party_id
						having bool_and(m.org_path like ? || '%') and (select count(*) from membership x where x.party_id = m.party_id)
						       = count(*) order by random() limit 1500""", u.orgPath, u.orgPath);
			}
		}
		for (User u : users) {
			u.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
				.followRedirects(HttpClient.Redirect.NEVER).build();
			signIn(u);
			u.activityId = activity(u);
		}
		System.out.printf(Locale.ROOT, "Run %s: %d users signed in (4 county, %d chamber) through %s%n", run, users.size(),
				users.size() - 4, base);
	}

	private void signIn(User u) throws Exception {
		HttpResponse<String> page = u.http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
		if (!csrf.find()) {
			csrf = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page.body());
			if (!csrf.find()) {
				throw new IllegalStateException("No CSRF field on /login (" + page.statusCode() + ")");
			}
		}
		String form = "username=" + enc(u.username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> login = u.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in of " + u.username + " refused: " + login.statusCode() + " " + location);
		}
	}

	/** An activity of the user's organisation for its whole subtree, starting in 30 minutes: check-ins are open. */
	private long activity(User u) throws Exception {
		LocalDateTime starts = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES).plusMinutes(30);
		ObjectNode form = JSON.createObjectNode();
		form.put("orgId", u.orgId).put("kind", "TRAINING").put("title", "负载测试培训 " + run + " " + u.username)
			.put("startsAt", starts.toString()).put("endsAt", starts.plusHours(3).toString()).put("place", "会议室")
			.put("audience", "SUBTREE");
		form.putArray("coOrganizerIds");
		form.putArray("audienceRoles");
		form.putArray("audienceTiers");
		form.putArray("audienceOrgIds");
		HttpResponse<String> created = send(u, "POST", "/api/v1/activities", form.toString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("Activity refused: " + created.statusCode() + " " + created.body());
		}
		long id = JSON.readTree(created.body()).get("id").asLong();
		HttpResponse<String> published = send(u, "POST", "/api/v1/activities/" + id + "/publish", null);
		if (published.statusCode() != 200) {
			throw new IllegalStateException("Publish refused: " + published.statusCode() + " " + published.body());
		}
		return id;
	}

	HttpResponse<String> send(User u, String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + u.token)
			.header("Accept", "application/json");
		if (json != null) {
			b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			b.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return u.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> page(User u, String path) throws IOException, InterruptedException {
		return u.http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	// ---- the mix ----

	enum Kind {
		// reads ≈ 70 %
		MEMBER_LIST_PAGE(12, "read"), MEMBER_LIST_API(12, "read"), MEMBER_PAGE(8, "read"), PARTY_API(8, "read"),
		BILLS_API(8, "read"), CASES_PAGE(6, "read"), CASE_API(6, "read"), FIGURES(5, "read"), ACTIVITY_API(5, "read"),
		// searches ≈ 20 %
		SEARCH_API(10, "search"), SEARCH_PAGE(10, "search"),
		// writes ≈ 10 %
		PAYMENT(3, "write"), CASE_STEP(3, "write"), MEMBER_EDIT(2, "write"), CHECK_IN(2, "write");

		final int weight;

		final String group;

		Kind(int weight, String group) {
			this.weight = weight;
			this.group = group;
		}

	}

	static final String[] FILTERS = { "status=ACTIVE", "kind=ENTERPRISE&status=ACTIVE", "role=DIRECTOR",
			"industry=52&status=ACTIVE&sort=name", "joinYear=2024", "enterpriseKind=INDIVIDUAL_BUSINESS&outOfTown=false" };

	/** One request's outcome: kind, start (ns since the run began), latency (ns), error (null when fine). */
	record Sample(Kind kind, long start, long nanos, String error) {
	}

	/** An acknowledged write: what it was and how to find it. */
	record Ack(String kind, long id, String value, long at) {
	}

	final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());

	final List<Ack> acks = java.util.Collections.synchronizedList(new ArrayList<>());

	/** Member edits: per party, every value sent, in order, and the last acknowledged one. */
	final Map<Long, List<String>> editsSent = new ConcurrentHashMap<>();

	final Map<Long, String> editsAcked = new ConcurrentHashMap<>();

	final AtomicLong sequence = new AtomicLong();

	long t0;

	volatile boolean stop;

	void run() throws Exception {
		prepare();
		double[] loadBefore = loadAverage();
		int total = warmup + seconds;
		t0 = System.nanoTime();
		CountDownLatch done = new CountDownLatch(clients);
		var pool = Executors.newFixedThreadPool(clients);
		for (int t = 0; t < clients; t++) {
			int thread = t;
			pool.submit(() -> {
				try {
					client(thread);
				}
				finally {
					done.countDown();
				}
			});
		}
		Map<String, Long> events = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
		Cpu[] cpuStart = new Cpu[1];
		double[][] loadAt = { loadBefore, null };
		CountDownLatch over = new CountDownLatch(1);
		var timer = Executors.newSingleThreadScheduledExecutor();
		timer.schedule(() -> {
			cpuStart[0] = Cpu.read();
			loadAt[0] = loadAverage();
			jfr("JFR.start", "name=load", "settings=profile", "filename=" + out.toAbsolutePath().resolve("instance-A.jfr"));
		}, warmup, TimeUnit.SECONDS);
		long faultAt = warmup + seconds / 3;
		if ("kill".equals(fault)) {
			timer.schedule(() -> {
				events.put("instance A killed (-9)", System.nanoTime() - t0);
				script("kill", "A");
				return null;
			}, faultAt, TimeUnit.SECONDS);
		}
		else if ("postgres".equals(fault)) {
			timer.schedule(() -> {
				events.put("PostgreSQL stopped (immediate)", System.nanoTime() - t0);
				script("pg-kill");
				return null;
			}, faultAt, TimeUnit.SECONDS);
			// a 10-second outage
			timer.schedule(() -> {
				script("pg-start");
				events.put("PostgreSQL started again", System.nanoTime() - t0);
				return null;
			}, faultAt + 10, TimeUnit.SECONDS);
		}
		Cpu[] cpuEnd = new Cpu[1];
		double[][] loadAfter = new double[1][];
		timer.schedule(() -> {
			cpuEnd[0] = Cpu.read();
			loadAfter[0] = loadAverage();
			jfr("JFR.stop", "name=load");
			stop = true;
			over.countDown();
		}, total, TimeUnit.SECONDS);
		over.await();
		done.await();
		pool.shutdown();
		timer.shutdown();
		timer.awaitTermination(2, TimeUnit.MINUTES);
		report(cpuStart[0] == null ? cpuEnd[0] : cpuStart[0], cpuEnd[0], loadAt[0], loadAfter[0], events);
	}

	void client(int thread) {
		User u = users.get(thread % users.size());
		int peers = (clients + users.size() - 1 - thread % users.size()) / users.size();
		int slot = thread / users.size();
		List<Long> bills = share(u.bills, slot, peers);
		List<Long> cases = share(u.cases, slot, peers);
		List<Long> edits = share(u.ownParties, slot, peers);
		List<Long> members = share(u.memberships, slot, peers);
		SplittableRandom random = new SplittableRandom(thread * 7919L + 17);
		int weights = Arrays.stream(Kind.values()).mapToInt(k -> k.weight).sum();
		int checkIns = 0;
		while (!stop) {
			int pick = random.nextInt(weights);
			Kind kind = null;
			for (Kind k : Kind.values()) {
				pick -= k.weight;
				if (pick < 0) {
					kind = k;
					break;
				}
			}
			long start = System.nanoTime();
			String error = null;
			try {
				error = switch (kind) {
					case MEMBER_LIST_PAGE -> ok(page(u, "/members?" + FILTERS[random.nextInt(FILTERS.length)]), 200);
					case MEMBER_LIST_API -> ok(send(u, "GET", "/api/v1/members?size=20&" + FILTERS[random.nextInt(FILTERS.length)], null), 200);
					case MEMBER_PAGE -> ok(page(u, "/members/" + any(u.parties, random)), 200);
					case PARTY_API -> ok(send(u, "GET", "/api/v1/parties/" + any(u.parties, random), null), 200);
					case BILLS_API -> ok(send(u, "GET", "/api/v1/dues/bills?size=20&subtree=true&org=" + u.orgId
							+ (random.nextBoolean() ? "&state=OPEN" : ""), null), 200);
					case CASES_PAGE -> ok(page(u, "/cases" + (random.nextBoolean() ? "?open=true" : "")), 200);
					case CASE_API -> ok(send(u, "GET", "/api/v1/cases/" + any(u.cases, random), null), 200);
					case FIGURES -> random.nextBoolean() ? ok(page(u, "/figures/members"), 200)
							: ok(send(u, "GET", "/api/v1/organizations/" + u.orgId + "/case-figures", null), 200);
					case ACTIVITY_API -> ok(send(u, "GET", "/api/v1/activities?size=20", null), 200);
					case SEARCH_API -> ok(send(u, "GET", "/api/v1/members?size=20&keyword=" + enc(keyword(u, random)), null), 200);
					case SEARCH_PAGE -> ok(page(u, "/members?keyword=" + enc(keyword(u, random))), 200);
					case PAYMENT -> payment(u, any(bills, random));
					case CASE_STEP -> caseStep(u, any(cases, random));
					case MEMBER_EDIT -> memberEdit(u, any(edits, random));
					case CHECK_IN -> checkIns < members.size() ? checkIn(u, members.get(checkIns++)) : payment(u, any(bills, random));
				};
			}
			catch (Exception e) {
				error = e.getClass().getSimpleName() + ": " + e.getMessage();
			}
			samples.add(new Sample(kind, start - t0, System.nanoTime() - start, error));
		}
	}

	private String payment(User u, long bill) throws Exception {
		String reference = "load-" + run + "-" + sequence.incrementAndGet();
		String body = "{\"amount\":\"1.00\",\"paidOn\":\"" + LocalDate.now(CHINA) + "\",\"method\":\"BANK\",\"reference\":\""
				+ reference + "\"}";
		HttpResponse<String> r = send(u, "POST", "/api/v1/dues/bills/" + bill + "/payments", body);
		if (r.statusCode() != 201) {
			return "payment " + r.statusCode() + " " + snippet(r.body());
		}
		acks.add(new Ack("payment", JSON.readTree(r.body()).get("entryId").asLong(), reference, System.nanoTime() - t0));
		return null;
	}

	private String caseStep(User u, long caseId) throws Exception {
		String comment = "load-" + run + "-" + sequence.incrementAndGet();
		HttpResponse<String> r = send(u, "POST", "/api/v1/cases/" + caseId + "/notes", "{\"comment\":\"" + comment + "\"}");
		if (r.statusCode() != 200) {
			return "case step " + r.statusCode() + " " + snippet(r.body());
		}
		acks.add(new Ack("caseStep", caseId, comment, System.nanoTime() - t0));
		return null;
	}

	/** Reads the party and writes it back with a new number of employees (each thread edits its own parties). */
	private String memberEdit(User u, long partyId) throws Exception {
		HttpResponse<String> read = send(u, "GET", "/api/v1/parties/" + partyId, null);
		if (read.statusCode() != 200) {
			return "member read " + read.statusCode();
		}
		JsonNode party = JSON.readTree(read.body());
		ObjectNode change = JSON.createObjectNode();
		for (String field : List.of("name", "creditCode", "enterpriseKind", "legalRepresentative", "industryCode", "sizeClass",
				"regionCode", "outOfTown", "highTech", "gender", "partyMember", "publicRoles", "version")) {
			if (party.has(field)) {
				change.set(field, party.get(field));
			}
		}
		String value = Long.toString(100_000 + sequence.incrementAndGet());
		change.put("employees", Integer.parseInt(value)).put("idNumber", "").put("phone", "").put("clearPhone", false);
		editsSent.computeIfAbsent(partyId, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(value);
		HttpResponse<String> r = send(u, "PUT", "/api/v1/parties/" + partyId, change.toString());
		if (r.statusCode() != 200) {
			return "member edit " + r.statusCode() + " " + snippet(r.body());
		}
		editsAcked.put(partyId, value);
		acks.add(new Ack("memberEdit", partyId, value, System.nanoTime() - t0));
		return null;
	}

	private String checkIn(User u, long membershipId) throws Exception {
		HttpResponse<String> r = send(u, "POST", "/api/v1/activities/" + u.activityId + "/check-ins",
				"{\"membershipId\":" + membershipId + "}");
		if (r.statusCode() != 200) {
			return "check-in " + r.statusCode() + " " + snippet(r.body());
		}
		acks.add(new Ack("checkIn", u.activityId, Long.toString(membershipId), System.nanoTime() - t0));
		return null;
	}

	private static String ok(HttpResponse<String> r, int expected) {
		return r.statusCode() == expected ? null : r.request().method() + " " + r.uri().getPath() + " " + r.statusCode();
	}

	private static String keyword(User u, SplittableRandom random) {
		String name = u.names.get(random.nextInt(u.names.size()));
		int from = Math.min(2, Math.max(0, name.length() - 3));
		return name.substring(from, Math.min(name.length(), from + 3));
	}

	private static long any(List<Long> ids, SplittableRandom random) {
		return ids.get(random.nextInt(ids.size()));
	}

	private static List<Long> share(List<Long> all, int slot, int peers) {
		List<Long> mine = new ArrayList<>();
		for (int i = slot; i < all.size(); i += peers) {
			mine.add(all.get(i));
		}
		return mine.isEmpty() ? all : mine;
	}

	// ---- the check: every acknowledged write is in the database ----

	/** Lost writes by kind (0 everywhere when nothing acknowledged was lost). */
	Map<String, long[]> check() throws SQLException {
		Map<String, long[]> result = new LinkedHashMap<>(); // kind → {acknowledged, found}
		try (Connection c = connect()) {
			for (Ack ack : List.copyOf(acks)) {
				boolean found = switch (ack.kind()) {
					case "payment" -> exists(c, "select 1 from dues_entry where id = ? and reference = ?", ack.id(), ack.value());
					case "caseStep" -> exists(c, "select 1 from case_step where case_id = ? and comment = ?", ack.id(), ack.value());
					case "checkIn" -> exists(c, "select 1 from activity_attendee where activity_id = ? and membership_id = ? and checked_in_at is not null",
							ack.id(), Long.parseLong(ack.value()));
					// the party holds the last acknowledged number, or one sent after it whose answer was lost
					case "memberEdit" -> {
						List<String> sent = editsSent.get(ack.id());
						List<String> later = sent.subList(sent.indexOf(editsAcked.get(ack.id())), sent.size());
						yield later.contains(value(c, "select employees from party where id = ?", ack.id()));
					}
					default -> false;
				};
				long[] counts = result.computeIfAbsent(ack.kind(), k -> new long[2]);
				counts[0]++;
				if (found) {
					counts[1]++;
				}
			}
		}
		return result;
	}

	// ---- the report ----

	void report(Cpu start, Cpu end, double[] loadBefore, double[] loadAfter, Map<String, Long> events) throws Exception {
		long from = warmup * 1_000_000_000L;
		List<Sample> measured = samples.stream().filter(s -> s.start() >= from).toList();
		double wall = (end.at - start.at) / 1e9;
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "Run %s, %s UTC, fault: %s; %d clients (%d users: 4 county, %d chamber), %d s measured after %d s warm-up%n",
				run, Instant.now().truncatedTo(ChronoUnit.SECONDS), fault, clients, users.size(), users.size() - 4, seconds, warmup));
		md.append(String.format(Locale.ROOT, "Load average before %.2f %.2f %.2f, after %.2f %.2f %.2f (1, 5, 15 min)%n", loadBefore[0],
				loadBefore[1], loadBefore[2], loadAfter[0], loadAfter[1], loadAfter[2]));
		md.append(end.split(start, wall, measured.size())).append('\n');
		md.append("\n| Requests | n | req/s | p50 | p95 | p99 | max | errors |\n|---|---|---|---|---|---|---|---|\n");
		md.append(line("all", measured, wall));
		for (String group : List.of("read", "search", "write")) {
			md.append(line(group, measured.stream().filter(s -> s.kind().group.equals(group)).toList(), wall));
		}
		for (Kind k : Kind.values()) {
			md.append(line("  " + k.name().toLowerCase(Locale.ROOT), measured.stream().filter(s -> s.kind() == k).toList(), wall));
		}
		if (!events.isEmpty()) {
			md.append("\nEvents: ");
			events.forEach((what, at) -> md.append(String.format(Locale.ROOT, "%s at %.1f s; ", what, at / 1e9)));
			md.append('\n');
			Long back = events.get("PostgreSQL started again");
			if (back != null) {
				List<Sample> after = List.copyOf(samples).stream().filter(x -> x.start() >= back).sorted(java.util.Comparator.comparingLong(Sample::start)).toList();
				after.stream().filter(x -> x.error() == null).findFirst().ifPresent(first -> md.append(String.format(Locale.ROOT,
						"First request answered after PostgreSQL was back: started %.1f s after; errors among requests started more than 10 s after it: %d of %d%n",
						(first.start() - back) / 1e9, after.stream().filter(x -> x.start() > back + 10_000_000_000L && x.error() != null).count(),
						after.stream().filter(x -> x.start() > back + 10_000_000_000L).count())));
			}
			// errors per 5 seconds, from the start (warm-up included): where the fault shows
			md.append("Errors per 5 s from the start: ");
			long buckets = (warmup + seconds) / 5 + 1;
			long[] errs = new long[(int) buckets];
			long[] all = new long[(int) buckets];
			for (Sample s : List.copyOf(samples)) {
				int b = (int) Math.min(buckets - 1, s.start() / 5_000_000_000L);
				all[b]++;
				if (s.error() != null) {
					errs[b]++;
				}
			}
			for (int b = 0; b < buckets; b++) {
				md.append(errs[b]).append('/').append(all[b]).append(' ');
			}
			md.append('\n');
		}
		Map<String, Long> errorKinds = new java.util.TreeMap<>();
		for (Sample s : List.copyOf(samples)) {
			if (s.error() != null) {
				errorKinds.merge(s.error().replaceAll("\\d{4,}", "#"), 1L, Long::sum);
			}
		}
		if (!errorKinds.isEmpty()) {
			md.append("\nErrors (whole run): ");
			errorKinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
				.forEach(e -> md.append(e.getValue()).append(" × ").append(snippet(e.getKey())).append("; "));
			md.append('\n');
		}
		Map<String, long[]> check = check();
		md.append("\nAcknowledged writes checked in the database afterwards: ");
		long lost = 0;
		for (var e : check.entrySet()) {
			md.append(String.format(Locale.ROOT, "%s %d acknowledged, %d found; ", e.getKey(), e.getValue()[0], e.getValue()[1]));
			lost += e.getValue()[0] - e.getValue()[1];
		}
		md.append("**lost: ").append(lost).append("**\n");
		try (var w = Files.newBufferedWriter(out.resolve("acknowledged.csv"))) {
			for (Ack a : List.copyOf(acks)) {
				w.write(a.kind() + "," + a.id() + "," + a.value() + "," + a.at() + "\n");
			}
		}
		Files.writeString(out.resolve("result.md"), md);
		System.out.println(md);
		System.out.println("(kept in " + out.toAbsolutePath() + ")");
		if (lost > 0) {
			System.exit(1);
		}
	}

	private static String line(String name, List<Sample> s, double wall) {
		if (s.isEmpty()) {
			return "| " + name + " | 0 | | | | | | |\n";
		}
		long[] nanos = s.stream().mapToLong(Sample::nanos).sorted().toArray();
		long errors = s.stream().filter(x -> x.error() != null).count();
		return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f ms | %.1f ms | %.1f ms | %.0f ms | %d |%n", name, nanos.length,
				nanos.length / wall, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[nanos.length - 1] / 1e6, errors);
	}

	static double pct(long[] sorted, double p) {
		int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

	// ---- the machine ----

	static double[] loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return new double[] { Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]) };
		}
		catch (IOException e) {
			return new double[3];
		}
	}

	/** CPU ticks of the machine (user, system, idle, iowait, steal) and of each part of the setup. */
	static final class Cpu {

		long at;

		long[] machine;

		Map<String, Long> parts = new LinkedHashMap<>();

		static Cpu read() {
			Cpu c = new Cpu();
			c.at = System.nanoTime();
			try {
				String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				// user nice system idle iowait irq softirq steal
				c.machine = new long[] { Long.parseLong(f[1]) + Long.parseLong(f[2]), Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]),
						Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[8]) };
				Path ops = Path.of("target", "ops");
				c.parts.put("instance A", tree(pid(ops.resolve("instance-A.pid"))));
				c.parts.put("instance B", tree(pid(ops.resolve("instance-B.pid"))));
				c.parts.put("nginx", tree(pid(ops.resolve("nginx.pid"))));
				String data = env("PROVINCE", "");
				Path pgdata = data.isEmpty() ? ops.resolve("postgres") : Path.of(data, "postgres");
				c.parts.put("PostgreSQL", tree(pid(pgdata.resolve("postmaster.pid"))));
				c.parts.put("load client", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
					.getProcessCpuTime() / 10_000_000);
			}
			catch (IOException | RuntimeException e) {
				c.machine = new long[5];
			}
			return c;
		}

		String split(Cpu start, double wall, int requests) {
			long[] d = new long[5];
			long sum = 0;
			for (int i = 0; i < 5; i++) {
				d[i] = machine[i] - start.machine[i];
				sum += d[i];
			}
			if (sum == 0) {
				return "CPU split unavailable";
			}
			StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
					"Machine CPU: user %.0f %%, system %.0f %%, idle %.0f %%, iowait %.0f %%, steal %.0f %%. Cores used (of 2) by: ",
					100.0 * d[0] / sum, 100.0 * d[1] / sum, 100.0 * d[2] / sum, 100.0 * d[3] / sum, 100.0 * d[4] / sum));
			long ours = 0;
			for (var e : parts.entrySet()) {
				long ticks = e.getValue() - start.parts.getOrDefault(e.getKey(), 0L);
				if (ticks < 0) { // killed during the run (its CPU until then is unknown here)
					s.append(e.getKey()).append(" (killed), ");
					continue;
				}
				ours += ticks;
				s.append(String.format(Locale.ROOT, "%s %.2f, ", e.getKey(), ticks / 100.0 / wall));
			}
			s.append(String.format(Locale.ROOT, "everything else on the machine %.2f", Math.max(0, d[0] + d[1] - ours) / 100.0 / wall));
			// what one request costs the servers (not the load client): what two free cores could serve
			long server = 0;
			for (String part : List.of("instance A", "instance B", "nginx", "PostgreSQL")) {
				server += Math.max(0, parts.get(part) - start.parts.getOrDefault(part, 0L));
			}
			if (requests > 0 && server > 0) {
				double ms = server * 10.0 / requests;
				s.append(String.format(Locale.ROOT, ".%nServer CPU per request (instances + PostgreSQL + nginx): %.1f ms → at most %.0f req/s on 2 free cores, %.0f on 3",
						ms, 2000 / ms, 3000 / ms));
			}
			return s.toString();
		}

		private static String pid(Path file) {
			try {
				return Files.readAllLines(file).get(0).strip();
			}
			catch (IOException | RuntimeException e) {
				return "";
			}
		}

		/** utime + stime of a process and its children (nginx workers, PostgreSQL backends). */
		private static long tree(String pid) throws IOException {
			if (pid.isEmpty()) {
				return 0;
			}
			long total = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path p : processes.toList()) {
					String name = p.getFileName().toString();
					if (!name.chars().allMatch(Character::isDigit)) {
						continue;
					}
					try {
						String line = Files.readString(p.resolve("stat"));
						String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
						if (name.equals(pid) || f[1].equals(pid)) {
							total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
						}
					}
					catch (IOException | RuntimeException gone) {
						// ended meanwhile
					}
				}
			}
			return total;
		}

	}

	// ---- helpers ----

	/** A JFR recording on instance A while measuring (LOAD_JFR=1): where its time goes. */
	void jfr(String... args) {
		if (!"1".equals(env("LOAD_JFR", ""))) {
			return;
		}
		try {
			String pid = Files.readAllLines(Path.of("target", "ops", "instance-A.pid")).get(0).strip();
			List<String> command = new ArrayList<>(List.of("jcmd", pid));
			command.addAll(List.of(args));
			new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
		}
		catch (IOException | InterruptedException | RuntimeException e) {
			System.out.println("No JFR recording: " + e.getMessage());
		}
	}

	void script(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("ops/two-instances.sh"));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).inheritIO().start();
		int exit = p.waitFor();
		if (exit != 0) {
			// said at once: a fault step runs on the timer thread, whose exceptions nobody reads
			System.err.println("ops/two-instances.sh " + String.join(" ", args) + " failed (exit " + exit + ")");
			throw new IllegalStateException("ops/two-instances.sh " + String.join(" ", args) + " failed");
		}
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static String snippet(String s) {
		return s == null ? "" : s.substring(0, Math.min(160, s.length())).replace('\n', ' ').replace('|', '/');
	}

	static Map<String, Object> row(Connection c, String sql) throws SQLException {
		try (var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			r.next();
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
				row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
			}
			return row;
		}
	}

	static void exec(Connection c, String sql) throws SQLException {
		try (var s = c.createStatement()) {
			s.execute(sql);
		}
	}

	static List<Long> longs(Connection c, String sql, Object... params) throws SQLException {
		List<Long> list = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					list.add(r.getLong(1));
				}
			}
		}
		return list;
	}

	static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
		List<String> list = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					list.add(r.getString(1));
				}
			}
		}
		return list;
	}

	static boolean exists(Connection c, String sql, Object... params) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				return r.next();
			}
		}
	}

	static String value(Connection c, String sql, Object... params) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				return r.next() ? r.getString(1) : null;
			}
		}
	}

}
