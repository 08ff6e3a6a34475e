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

	private WebSession session(long org, Role role) {
		AccountPrincipal account = new TestAccounts(accounts).createIn(org, role);
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

}
