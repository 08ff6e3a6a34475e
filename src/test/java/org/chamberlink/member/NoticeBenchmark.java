package org.chamberlink.member;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.notice.NoticeForm;
import org.chamberlink.notice.NoticeSending;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Notices (issue 20) at a province's scale, part of {@link MemberBenchmark} ({@code BENCHMARK_ONLY=notices}):
 * the province sends one notice to every organisation below it and every current member (recipients
 * resolved and stored), a third of the members and half the organisations then read it (set-based,
 * as set-up), the receipt board is read through the API, and the unread are reminded — the request
 * timed (it only queues the job) and the background job followed until it is done or
 * {@link #REMIND_WATCH_SECONDS} have passed. The benchmark's notices are removed first and last, so
 * every run measures the same province. Run with {@code CHAMBERLINK_NOTIFICATION_WORKERENABLED=false}
 * so the outbox is not sent while measuring.
 */
final class NoticeBenchmark {

	static final String TITLE = "基准测试：全省通知";

	static final int REMIND_WATCH_SECONDS = 420;

	private final MemberBenchmark benchmark;

	private final ConfigurableApplicationContext context;

	private final JdbcClient jdbc;

	private final List<String> results;

	private final HttpClient http = HttpClient.newHttpClient();

	NoticeBenchmark(MemberBenchmark benchmark, ConfigurableApplicationContext context, JdbcClient jdbc, List<String> results) {
		this.benchmark = benchmark;
		this.context = context;
		this.jdbc = jdbc;
		this.results = results;
	}

	void run(long province, AccountPrincipal provinceUser, String provinceToken) throws Exception {
		cleanUp();
		signIn(provinceUser);
		long started = System.nanoTime();
		Long id;
		try {
			id = context.getBean(NoticeSending.class).send(provinceUser, NoticeForm.toOrganizationsBelow(province, TITLE,
					"<p>请各级工商联和全体会员阅读。</p>").withMembers(List.of(), List.of(), List.of(), List.of()));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		double sendSeconds = (System.nanoTime() - started) / 1e9;
		Map<String, Object> sent = jdbc.sql("select org_recipients, member_recipients from notice where id = :id").param("id", id)
			.query().singleRow();
		results.add(String.format(Locale.ROOT,
				"| A province-wide notice to %,d organisations and %,d members: recipients resolved and stored (load %s) | %.2f s | ≤ 10 s |",
				((Number) sent.get("org_recipients")).longValue(), ((Number) sent.get("member_recipients")).longValue(),
				MemberBenchmark.loadAverage(), sendSeconds));

		// a third of the members and half of the organisations read it (set-up, set-based)
		long set = System.nanoTime();
		int membersRead = jdbc.sql("update notice_member_recipient set read_at = now() where notice_id = :id and party_id % 3 = 0")
			.param("id", id).update();
		int orgsRead = jdbc.sql("update notice_org_recipient set read_at = now(), read_by_name = '基准' where notice_id = :id and org_id % 2 = 0")
			.param("id", id).update();
		jdbc.sql("update notice set members_read = :m, orgs_read = :o where id = :id").param("m", membersRead).param("o", orgsRead)
			.param("id", id).update();
		jdbc.sql("update notice_member_tally t set read = r.read from (select org_id, count(read_at) as read from notice_member_recipient "
				+ "where notice_id = :id group by org_id) r where t.notice_id = :id and t.org_id = r.org_id").param("id", id).update();
		jdbc.sql("vacuum analyze notice_member_recipient, notice_org_recipient, notice_member_tally").update();
		results.add(String.format(Locale.ROOT, "|   set-up: %,d members and %,d organisations marked read, vacuumed | %.1f s | — |", membersRead,
				orgsRead, (System.nanoTime() - set) / 1e9));

		long busiest = jdbc.sql("select org_id from notice_member_tally where notice_id = :id order by members desc, org_id limit 1")
			.param("id", id).query(Long.class).single();
		benchmark.row("Receipt board: the notice with its read counts (API, load " + MemberBenchmark.loadAverage() + ")",
				MemberBenchmark.measure(50, i -> benchmark.get("/api/v1/notices/" + id, provinceToken)), "p95 ≤ 200 ms");
		benchmark.row("Receipt board: the organisations, unread first, first page (API)",
				MemberBenchmark.measure(50, i -> benchmark.get("/api/v1/notices/" + id + "/receipts", provinceToken)), "p95 ≤ 200 ms");
		benchmark.row("Receipt board: the organisations, unread only, page 10 (API)",
				MemberBenchmark.measure(50, i -> benchmark.get("/api/v1/notices/" + id + "/receipts?unread=true&page=10", provinceToken)),
				"p95 ≤ 200 ms");
		benchmark.row("Receipt board: members counted per organisation, first page (API, load " + MemberBenchmark.loadAverage() + ")",
				MemberBenchmark.measure(50, i -> benchmark.get("/api/v1/notices/" + id + "/member-receipts", provinceToken)), "p95 ≤ 200 ms");
		benchmark.row("Receipt board: drill-down, the busiest organisation's members, first page (API)",
				MemberBenchmark.measure(50, i -> benchmark.get("/api/v1/notices/" + id + "/member-receipts?org=" + busiest, provinceToken)),
				"p95 ≤ 200 ms");

		remind(id, provinceToken);
		cleanUp();
	}

	private void remind(Long id, String token) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + benchmark.port()
				+ "/api/v1/notices/" + id + "/remind")).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		double requestMillis = (System.nanoTime() - started) / 1e6;
		if (response.statusCode() != 202) {
			throw new IllegalStateException("remind -> " + response.statusCode() + " " + response.body());
		}
		results.add(String.format(Locale.ROOT, "| Remind the unread: the request (queues the job; load %s) | %.1f ms | returns at once |",
				MemberBenchmark.loadAverage(), requestMillis));
		String sql = "select status, orgs_reminded, members_reminded, messages_queued from notice_reminder_job where notice_id = :id";
		try {
			// watched every two seconds until it ends; a job still running at the limit is reported as it stands
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(REMIND_WATCH_SECONDS))
				.pollInterval(java.time.Duration.ofSeconds(2))
				.until(() -> jdbc.sql(sql).param("id", id).query().singleRow().get("status"),
						status -> "DONE".equals(status) || "FAILED".equals(status));
		}
		catch (org.awaitility.core.ConditionTimeoutException stillRunning) {
			// reported below with its status
		}
		Map<String, Object> job = jdbc.sql(sql).param("id", id).query().singleRow();
		double seconds = (System.nanoTime() - started) / 1e9;
		long members = ((Number) job.get("members_reminded")).longValue();
		results.add(String.format(Locale.ROOT,
				"| Remind the unread: the background job, %s — %,d organisations and %,d members reminded, %,d messages queued "
						+ "(%,.0f members a second; load %s) | %.1f s | — |",
				job.get("status"), ((Number) job.get("orgs_reminded")).longValue(), members,
				((Number) job.get("messages_queued")).longValue(), members / seconds, MemberBenchmark.loadAverage(), seconds));
		// stop a job still running: the next chunk finds it no longer RUNNING
		jdbc.sql("update notice_reminder_job set status = 'FAILED', error = 'benchmark stopped' where notice_id = :id and status <> 'DONE'")
			.param("id", id).update();
	}

	/** Removes the benchmark's notices, their recipients, jobs and queued messages. */
	private void cleanUp() {
		List<Long> ids = jdbc.sql("select id from notice where title = :t").param("t", TITLE).query(Long.class).list();
		if (ids.isEmpty()) {
			return;
		}
		Long[] array = ids.toArray(Long[]::new);
		jdbc.sql("delete from notification_outbox where dedup_key like 'notice:%' and split_part(dedup_key, ':', 2)::bigint = any(:ids)")
			.param("ids", array).update();
		for (String table : List.of("notice_reminder_job", "notice_member_tally", "notice_member_recipient", "notice_org_recipient",
				"notice_file", "notice_reply")) {
			jdbc.sql("delete from " + table + " where notice_id = any(:ids)").param("ids", array).update();
		}
		jdbc.sql("delete from notice where id = any(:ids)").param("ids", array).update();
		jdbc.sql("vacuum analyze notice_member_recipient, notice_org_recipient, notice_member_tally, notification_outbox").update();
	}

	private static void signIn(AccountPrincipal principal) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

}
