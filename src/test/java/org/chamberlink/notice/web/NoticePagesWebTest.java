package org.chamberlink.notice.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.notice.NoticeForm;
import org.chamberlink.notice.NoticeSending;
import org.chamberlink.notice.NoticeUpload;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice pages and API over HTTP: a refused form kept with its message (422), a sent notice's
 * page with the body sanitised, the recipient's inbox and receipt, an attachment served as a
 * download with its stored type and nosniff, API refusals as problem details, a neighbour's 404.
 */
@IntegrationTest
class NoticePagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoticeSending sending;

	TestTree tree;

	WebSession county;

	@BeforeEach
	void plant() {
		tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("公告页");
		county = session(tree.county(), Role.STAFF);
	}

	@Test
	void aRefusedNoticeFormKeepsWhatWasTypedAndASentOneShowsItsBoard() {
		HttpResponse<String> refused = county.postForm("/notices/new", Map.of("orgId", Long.toString(tree.county()), "kind", "NOTICE",
				"title", " ", "bodyHtml", "<p>正文保留</p>", "toOrganizations", "true"));
		Refusals.assertFormKept(refused, "title", "请填写标题");
		assertThat(refused.body()).contains("&lt;p&gt;正文保留&lt;/p&gt;");

		HttpResponse<String> sent = county.postForm("/notices/new", Map.of("orgId", Long.toString(tree.county()), "kind", "NOTICE",
				"title", "关于报送年报的通知", "bodyHtml", "<p onclick=\"alert(1)\">请各商会<b>按时</b>报送。</p><img src=x onerror=alert(1)>",
				"toOrganizations", "true", "pinned", "true"));
		assertThat(sent.statusCode()).isEqualTo(302);
		String location = county.location(sent);
		assertThat(location).matches("/notices/\\d+");
		HttpResponse<String> page = county.get(location);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("关于报送年报的通知", "<p>请各商会<b>按时</b>报送。</p>", tree.chamber() + "")
			.doesNotContain("onerror", "onclick", "<img");
		assertThat(county.get("/notices").body()).contains("关于报送年报的通知");

		WebSession chamber = session(tree.chamber(), Role.STAFF);
		assertThat(chamber.get("/notices/inbox").body()).contains("关于报送年报的通知", "未读 1 条");
		assertThat(chamber.get("/notices/panels/inbox").body()).contains("关于报送年报的通知");
		assertThat(chamber.get(location.replace("/notices/", "/notices/inbox/")).statusCode()).isEqualTo(200);
		assertThat(chamber.get("/notices/inbox").body()).contains("未读 0 条");
		assertThat(county.get(location).body()).contains("data-testid=\"read\"", "100.00 %");
		// the chamber is not the sender: the sender's page of the county's notice is not its to see
		assertThat(chamber.get(location).statusCode()).isEqualTo(404);
	}

	@Test
	void anAttachmentIsADownloadWithItsStoredTypeNeverAPage() throws Exception {
		AccountPrincipal staff = new TestAccounts(accounts).createIn(tree.county(), Role.STAFF);
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(staff, null,
						staff.getAuthorities()));
		Long id;
		try {
			id = sending.send(staff, NoticeForm.toOrganizationsBelow(tree.county(), "附件", ""),
					List.of(new NoticeUpload("page.html", "text/html", "<script>alert(1)</script>".getBytes())), null);
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
		Long file = jdbc.sql("select id from notice_file where notice_id = :n").param("n", id).query(Long.class).single();
		WebSession chamber = session(tree.chamber(), Role.STAFF);
		HttpResponse<String> download = chamber.get("/notices/files/" + file);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().allValues("Content-Security-Policy")).anySatisfy(p -> assertThat(p).contains("sandbox"));
		assertThat(session(tree.neighbour(), Role.STAFF).get("/notices/files/" + file).statusCode()).isEqualTo(404);
	}

	@Test
	void theApiSendsRefusesAndAnswersTheNeighbourAsNothing() {
		String token = tree.token(tree.county(), Role.STAFF);
		Refusals.assertApiRefused(Api.post(port, "/api/v1/notices", token, "{\"orgId\":" + tree.county()
				+ ",\"kind\":\"DATA_CALL\",\"title\":\"报送\",\"toOrganizations\":true}"), "dueAt", "请填写报送截止时间");
		HttpResponse<String> created = Api.post(port, "/api/v1/notices", token, "{\"orgId\":" + tree.county()
				+ ",\"kind\":\"DATA_CALL\",\"title\":\"API 报送\",\"dueAt\":\"2099-01-01T17:00\",\"toOrganizations\":true}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Json.number(created.body(), "$.id");
		assertThat(Json.number(created.body(), "$.orgRecipients")).isEqualTo(1);

		String chamberToken = tree.token(tree.chamber(), Role.STAFF);
		assertThat(Api.get(port, "/api/v1/notices/inbox", chamberToken).body()).contains("API 报送");
		HttpResponse<String> replied = Api.post(port, "/api/v1/notices/inbox/" + id + "/reply", chamberToken, "{\"text\":\"已报\"}");
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/notices/" + id + "/replies", token).body()).contains("SUBMITTED", "已报");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/notices/" + id + "/replies/" + tree.chamber() + "/return", token, "{}"),
				"reason", "请填写退回原因");

		String neighbour = tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/notices/" + id, neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/notices/" + id + "/receipts", neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.post(port, "/api/v1/notices/inbox/" + id + "/read", tree.token(tree.neighbour(), Role.STAFF), "{}").statusCode())
			.isEqualTo(404);
	}

	@Test
	void aNoticeIsCorrectedAndWithdrawnOnItsPageAndTheRecipientSeesTheWithdrawal() {
		HttpResponse<String> sent = county.postForm("/notices/new", Map.of("orgId", Long.toString(tree.county()), "kind", "NOTICE",
				"title", "原通知标题", "bodyHtml", "<p>原文</p>", "toOrganizations", "true"));
		String location = county.location(sent);
		WebSession chamber = session(tree.chamber(), Role.STAFF);
		chamber.get(location.replace("/notices/", "/notices/inbox/"));

		assertThat(county.get(location + "/edit").body()).contains("原通知标题", "data-testid=\"withdraw-form\"");
		Refusals.assertFormKept(county.postForm(location + "/edit", Map.of("title", " ", "bodyHtml", "<p>改后的正文</p>")), "title",
				"请填写标题");
		HttpResponse<String> edited = county.postForm(location + "/edit", Map.of("title", "更正后的通知", "bodyHtml", "<p>改后的正文</p>"));
		assertThat(edited.statusCode()).isEqualTo(302);
		assertThat(county.get(location).body()).contains("更正后的通知", "改后的正文", "data-testid=\"edited\"");
		assertThat(chamber.get("/notices/inbox").body()).contains("更正后的通知", "data-testid=\"changed-badge\"");

		Refusals.assertStepRefused(county.postForm(location + "/withdraw", Map.of("reason", " ")), "reason", "请填写撤回原因");
		assertThat(county.postForm(location + "/withdraw", Map.of("reason", "发错了，请忽略")).statusCode()).isEqualTo(302);
		assertThat(county.get(location).body()).contains("发错了，请忽略").doesNotContain("data-testid=\"remind\"",
				"data-testid=\"edit-notice\"");
		HttpResponse<String> seen = chamber.get(location.replace("/notices/", "/notices/inbox/"));
		assertThat(seen.body()).contains("data-testid=\"withdrawn\"", "发错了，请忽略").doesNotContain("改后的正文");
		assertThat(chamber.get("/notices/inbox").body()).contains("data-testid=\"withdrawn-badge\"");
		// a neighbour may neither correct nor withdraw it
		WebSession neighbour = session(tree.neighbourCounty(), Role.FEDERATION_ADMIN);
		assertThat(neighbour.get(location + "/edit").statusCode()).isEqualTo(404);
		assertThat(neighbour.postForm(location + "/withdraw", Map.of("reason", "x")).statusCode()).isEqualTo(404);
	}

	@Test
	void theApiSendsFilesCorrectsWithdrawsAndQueuesAReminder() {
		String token = tree.token(tree.county(), Role.STAFF);
		String boundary = "----notice" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"notice\"\r\nContent-Type: application/json\r\n\r\n"
				+ "{\"orgId\":" + tree.county() + ",\"title\":\"带附件的API通知\",\"bodyHtml\":\"<p>见附件</p>\",\"toOrganizations\":true}\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"说明.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n附件内容\r\n--" + boundary + "--\r\n";
		HttpResponse<String> created = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
				+ "/api/v1/notices")).header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization",
						"Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Json.number(created.body(), "$.id");
		HttpResponse<String> files = Api.get(port, "/api/v1/notices/" + id + "/files", token);
		assertThat(files.body()).contains("说明.txt");
		long file = Json.number(files.body(), "$[0].id");
		String chamberToken = tree.token(tree.chamber(), Role.STAFF);
		assertThat(Api.get(port, "/api/v1/notices/inbox/" + id + "/files", chamberToken).body()).contains("说明.txt");
		HttpResponse<String> download = Api.get(port, "/api/v1/notices/files/" + file, chamberToken);
		assertThat(download.body()).isEqualTo("附件内容");
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
		assertThat(Api.get(port, "/api/v1/notices/files/" + file, tree.token(tree.neighbour(), Role.STAFF)).statusCode()).isEqualTo(404);

		HttpResponse<String> remind = Api.post(port, "/api/v1/notices/" + id + "/remind", token, "{}");
		assertThat(remind.statusCode()).as(remind.body()).isEqualTo(202);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Api.get(port,
				"/api/v1/notices/" + id + "/reminders/latest", token).body().contains("\"DONE\""));

		Refusals.assertApiRefused(Api.put(port, "/api/v1/notices/" + id, token, "{\"title\":\"\"}"), "title", "请填写标题");
		HttpResponse<String> edited = Api.put(port, "/api/v1/notices/" + id, token, "{\"title\":\"API 更正\",\"bodyHtml\":\"<p>新</p>\"}");
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(edited.body()).contains("API 更正", "\"edits\":1");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/notices/" + id + "/withdraw", token, "{}"), "reason", "请填写撤回原因");
		assertThat(Api.post(port, "/api/v1/notices/" + id + "/withdraw", token, "{\"reason\":\"作废\"}").statusCode()).isEqualTo(200);
		assertThat(Api.get(port, "/api/v1/notices/inbox", chamberToken).body()).contains("\"withdrawReason\":\"作废\"");
		assertThat(Api.post(port, "/api/v1/notices/" + id + "/remind", token, "{}").statusCode()).isEqualTo(422);
	}

	private static HttpResponse<String> send(java.net.http.HttpRequest request) {
		try {
			return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private WebSession session(long org, Role role) {
		AccountPrincipal account = new TestAccounts(accounts).createIn(org, role);
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

}
