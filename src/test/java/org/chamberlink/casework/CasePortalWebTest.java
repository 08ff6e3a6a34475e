package org.chamberlink.casework;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's side of the loop through the portal: only their own cases, a rating once, a
 * reopening once and only within 15 days; a member cannot file with an organisation they do not
 * belong to; someone else's case can be neither seen, rated nor reopened.
 */
@IntegrationTest
@Tag("database")
class CasePortalWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMemberRatesOnceReopensOnceAndNeverTouchesAnotherMembersCase() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "门户测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long chamber = fixture.chamber("INDUSTRY", "长安区服装商会", "130102", county);
		long otherChamber = fixture.chamber("INDUSTRY", "长安区五金商会", "130102", county);
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, chamber, "周海燕", MemberFixture.identityNumber(), MemberFixture.phone());
		long other = MemberFixture.person(port, admin, chamber, "吴国庆", MemberFixture.identityNumber(), MemberFixture.phone());
		jdbc.sql("update party_contact set email = 'zhou@example.com' where party_id = :id").param("id", person).update();
		AccountPrincipal account = CaseFixture.memberAccount(accountManagement, jdbc, person);
		AccountPrincipal otherAccount = CaseFixture.memberAccount(accountManagement, jdbc, other);
		WebSession member = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);

		// filing with an organisation the member does not belong to is refused, and writes nothing
		String refused = member.postForm("/portal/cases", Map.of("kind", "NEED", "category", "FINANCING", "orgId",
				Long.toString(otherChamber), "title", "贷款", "description", "需要贷款")).body();
		assertThat(refused).contains("受理单位：请选择您所在的商会或工商联");
		assertThat(jdbc.sql("select count(*) from service_case where party_id = :p").param("p", person).query(Long.class)
			.single()).isZero();
		var filed = member.postForm("/portal/cases", Map.of("kind", "COMPLAINT", "category", "COMPLAINT", "orgId",
				Long.toString(chamber), "title", "供货商拒不退货", "description", "质量问题拒绝退货", "amountInvolved", "1200"));
		String location = member.location(filed);
		member.get(location);
		assertThat(location).startsWith("/portal/cases/");
		long id = Long.parseLong(location.substring("/portal/cases/".length()));
		assertThat(member.get("/portal/cases").body()).contains("供货商拒不退货", "待受理");

		// rating before it is closed is refused
		assertThat(refused(member.postForm("/portal/cases/" + id + "/rating", Map.of("rating", "5"))))
			.contains("案件结案后才能评价");
		Api.post(port, "/api/v1/cases/" + id + "/accept", admin, "{}");
		Api.post(port, "/api/v1/cases/" + id + "/resolve", admin, "{\"outcome\":\"供货商同意退货\"}");
		assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = 'zhou@example.com' and dedup_key like :k")
			.param("k", "case:" + id + ":%").query(Long.class).single()).as("filed, accepted, resolved").isEqualTo(3);

		// someone else cannot see, rate or reopen it
		WebSession stranger = WebSession.signedIn(port, otherAccount.getUsername(), TestAccounts.PASSWORD);
		assertThat(stranger.get("/portal/cases/" + id).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/portal/cases").body()).doesNotContain("供货商拒不退货");
		var rateOthers = stranger.postForm("/portal/cases/" + id + "/rating", Map.of("rating", "1"));
		assertThat(follow(stranger, rateOthers)).contains("这不是您提交的诉求，不能评价或申请重新办理");
		assertThat(follow(stranger, stranger.postForm("/portal/cases/" + id + "/reopen", Map.of("reason", "x"))))
			.contains("这不是您提交的诉求");
		assertThat(rating(id)).isNull();
		assertThat(state(id)).isEqualTo("RESOLVED");

		// the member rates it, once
		follow(member, member.postForm("/portal/cases/" + id + "/rating", Map.of("rating", "2", "comment", "太慢")));
		assertThat(rating(id)).isEqualTo(2);
		assertThat(refused(member.postForm("/portal/cases/" + id + "/rating", Map.of("rating", "5"))))
			.contains("该案件已评价过");
		assertThat(rating(id)).isEqualTo(2);

		// reopens it once: the rating goes, the case is worked again
		follow(member, member.postForm("/portal/cases/" + id + "/reopen", Map.of("reason", "只退了一半货")));
		assertThat(state(id)).isEqualTo("IN_PROGRESS");
		assertThat(rating(id)).isNull();
		Api.post(port, "/api/v1/cases/" + id + "/resolve", admin, "{\"outcome\":\"已全部退货\"}");
		assertThat(refused(member.postForm("/portal/cases/" + id + "/reopen", Map.of("reason", "还是不满意"))))
			.contains("该案件已重新办理过一次，不能再次申请");
		assertThat(state(id)).isEqualTo("RESOLVED");
		assertThat(member.get("/portal/cases/" + id).body()).contains("会员申请重新办理", "只退了一半货");

		// a case closed more than 15 days ago cannot be reopened
		var second = member.postForm("/portal/cases", Map.of("kind", "NEED", "category", "POLICY", "orgId",
				Long.toString(chamber), "title", "咨询补贴政策", "description", "想了解技改补贴"));
		long late = Long.parseLong(member.location(second).substring("/portal/cases/".length()));
		member.get(member.location(second));
		Api.post(port, "/api/v1/cases/" + late + "/accept", admin, "{}");
		Api.post(port, "/api/v1/cases/" + late + "/resolve", admin, "{\"outcome\":\"已送达政策文件\"}");
		jdbc.sql("update service_case set closed_at = now() - interval '16 days' where id = :id").param("id", late).update();
		assertThat(refused(member.postForm("/portal/cases/" + late + "/reopen", Map.of("reason", "x"))))
			.contains("结案超过 15 天");
		assertThat(state(late)).isEqualTo("RESOLVED");
	}

	/** A refused step: the member's case drawn again (422), its message above the case. */
	@Test
	void aMemberWithoutAnAddressIsToldByTextAndSeesWhatTheyFiledAndAttached() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		var tree = fixture.tree("短信");
		String admin = fixture.tokenIn(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, tree.chamber(), "孙丽华", MemberFixture.identityNumber(),
				MemberFixture.phone());
		AccountPrincipal account = CaseFixture.memberAccount(accountManagement, jdbc, person);
		WebSession member = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		member.get("/portal/cases/new?kind=NEED");
		var filed = member.postFile("/portal/cases", "营业执照.pdf", "%PDF-1.4 执照".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				Map.of("kind", "NEED", "category", "FINANCING", "orgId", Long.toString(tree.chamber()), "title", "扩大经营需贷款",
						"description", "门店扩张，需要贷款 50 万元"));
		String location = member.location(filed);
		assertThat(location).as(filed.body()).startsWith("/portal/cases/");
		long id = Long.parseLong(location.substring("/portal/cases/".length()));
		String page = member.get(location).body();
		assertThat(page).contains("门店扩张，需要贷款 50 万元", "营业执照.pdf");
		String file = page.replaceAll("(?s).*href=\"(/portal/cases/" + id + "/attachments/\\d+)\".*", "$1");
		assertThat(new String(member.download(file), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 执照");

		Api.post(port, "/api/v1/cases/" + id + "/accept", admin, "{}");
		assertThat(jdbc.sql("select body from notification_outbox where channel = 'SMS' and dedup_key like :k order by id")
			.param("k", "case:" + id + ":%").query(String.class).list())
			.anySatisfy(text -> assertThat(text).contains("孙丽华", "需求", "已受理"));
	}

	@Test
	void aDoubleTapOnSubmitFilesOneCaseAndBothTapsLandOnIt() throws Exception {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		var tree = fixture.tree("双击");
		String admin = fixture.tokenIn(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, tree.chamber(), "郑小燕", MemberFixture.identityNumber(),
				MemberFixture.phone());
		AccountPrincipal account = CaseFixture.memberAccount(accountManagement, jdbc, person);
		WebSession member = WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
		String form = member.get("/portal/cases/new?kind=NEED").body();
		String key = form.replaceAll("(?s).*name=\"submissionKey\" value=\"([0-9a-f-]{36})\".*", "$1");
		assertThat(key).hasSize(36);
		Map<String, String> fields = Map.of("kind", "NEED", "category", "FINANCING", "orgId", Long.toString(tree.chamber()),
				"title", "扩大经营需贷款", "description", "需要贷款 50 万元", "submissionKey", key);

		// two taps at once, then a third after the answer came back
		var taps = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = taps.submit(() -> member.postForm("/portal/cases", fields));
			var second = taps.submit(() -> member.postForm("/portal/cases", fields));
			String landed = member.location(first.get());
			assertThat(landed).startsWith("/portal/cases/");
			assertThat(member.location(second.get())).isEqualTo(landed);
			assertThat(member.location(member.postForm("/portal/cases", fields))).isEqualTo(landed);
		}
		finally {
			taps.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from service_case where party_id = :p").param("p", person)
			.query(Long.class).single()).isEqualTo(1);
		// a new form is a new key: the member's next need is a case of its own
		String next = member.get("/portal/cases/new?kind=NEED").body()
			.replaceAll("(?s).*name=\"submissionKey\" value=\"([0-9a-f-]{36})\".*", "$1");
		assertThat(next).isNotEqualTo(key);
	}

	private static String refused(java.net.http.HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("data-testid=\"step-error\"");
		return response.body();
	}

	/** Follows the redirect as a browser would, so each step's message is read on the page it lands on. */
	private static String follow(WebSession session, java.net.http.HttpResponse<String> response) {
		return session.get(session.location(response)).body();
	}

	private Integer rating(long id) {
		return jdbc.sql("select rating from service_case where id = :id").param("id", id).query(Integer.class).optional()
			.orElse(null);
	}

	private String state(long id) {
		return jdbc.sql("select state from service_case where id = :id").param("id", id).query(String.class).single();
	}

}
