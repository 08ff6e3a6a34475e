package org.chamberlink.honour;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The honour pages and API over HTTP: a refused programme and nomination keep what was typed
 * (422), the API refuses with the field, the signed-out visitor reaches only the verification page
 * and the public notice (with its objection form), which show names, enterprise and level and
 * nothing more, and reveal nothing for an unknown number; the public throttle counts per address.
 */
@IntegrationTest
@Tag("database")
class HonourPagesWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicThrottle throttle;

	HonourScene scene;

	String cityToken;

	String countyToken;

	@BeforeEach
	void plant() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		scene = HonourScene.plant(port, fixture, jdbc, "表彰页面");
		cityToken = fixture.tokenIn(scene.city(), Role.STAFF);
		countyToken = fixture.tokenIn(scene.county(), Role.STAFF);
	}

	@Test
	void aRefusedProgrammeAndNominationKeepWhatWasTyped() {
		var staff = new TestAccounts(accountManagement).createIn(scene.city(), Role.STAFF);
		WebSession web = WebSession.signedIn(port, staff.getUsername(), TestAccounts.PASSWORD);
		assertThat(web.get("/honours").statusCode()).isEqualTo(200);
		var refused = web.postForm("/honours", Map.of("orgId", Long.toString(scene.city()), "name", "光彩之星" + scene.tree().tag(),
				"honoreeKinds", "ENTERPRISE", "cycle", "2026", "noticeDays", "5"));
		Refusals.assertFormKept(refused, "levels", "请至少选择一个层级", "光彩之星" + scene.tree().tag());
		// an empty box list (as a script or an old form sends it) is refused on its field, not a server error
		var noKinds = web.postForm("/honours", Map.of("orgId", Long.toString(scene.city()), "name", "光彩之星" + scene.tree().tag(),
				"honoreeKinds", "", "levels", "CITY", "cycle", "2026", "noticeDays", "5"));
		Refusals.assertFormKept(noKinds, "honoreeKinds", "请选择表彰对象", "光彩之星" + scene.tree().tag());
		var created = web.postForm("/honours", Map.of("orgId", Long.toString(scene.city()), "name", "光彩之星" + scene.tree().tag(),
				"honoreeKinds", "ENTERPRISE", "levels", "CITY", "cycle", "2026", "noticeDays", "5", "certificate", "true"));
		assertThat(created.statusCode()).isEqualTo(302);
		String detail = web.location(created);
		assertThat(web.get(detail).body()).contains("光彩之星" + scene.tree().tag(), "市级");

		var county = new TestAccounts(accountManagement).createIn(scene.county(), Role.STAFF);
		WebSession countyWeb = WebSession.signedIn(port, county.getUsername(), TestAccounts.PASSWORD);
		long member = scene.enterprise("页面");
		assertThat(countyWeb.get(detail).body()).contains("页面有限公司" + scene.tree().tag());
		var noReasons = countyWeb.postForm(detail + "/nominations", Map.of("level", "CITY", "nominatorOrgId", Long.toString(scene.county()),
				"membershipId", Long.toString(member), "evidence", "证书复印件"));
		Refusals.assertStepRefused(noReasons, "reasons", "请填写此项", "证书复印件");
	}

	/** The organisation's and the staff member's forms are drawn from the same card as the member's: each keeps what was typed. */
	@Test
	void theOrganisationAndStaffFormsKeepWhatWasTyped() {
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", cityToken, "{\"orgId\":" + scene.city()
				+ ",\"name\":\"先进单位" + scene.tree().tag() + "\",\"honoreeKinds\":[\"TREE_ORGANIZATION\",\"STAFF\"],"
				+ "\"levels\":[\"CITY\"],\"cycle\":2026}"));
		var county = new TestAccounts(accountManagement).createIn(scene.county(), Role.STAFF);
		WebSession web = WebSession.signedIn(port, county.getUsername(), TestAccounts.PASSWORD);
		String detail = "/honours/" + programme;
		assertThat(web.get(detail).body()).contains("data-testid=\"nominate-organization-form\"", "data-testid=\"nominate-staff-form\"",
				"id=\"org-reasons\"", "id=\"staff-evidence\"", "name=\"honoreeOrgId\"", "name=\"accountId\"");
		var staff = web.postForm(detail + "/nominations/staff", Map.of("level", "CITY", "nominatorOrgId", Long.toString(scene.county()),
				"accountId", Long.toString(county.id()), "evidence", "考核优秀"));
		Refusals.assertStepRefused(staff, "reasons", "请填写此项", "考核优秀");
		assertThat(staff.body()).contains("value=\"" + county.id() + "\" selected=\"selected\"");
		var organization = web.postForm(detail + "/nominations/organization", Map.of("level", "CITY", "nominatorOrgId",
				Long.toString(scene.county()), "honoreeOrgId", Long.toString(scene.county()), "reasons", "年度先进"));
		assertThat(organization.statusCode()).isEqualTo(302);
	}

	@Test
	void theApiRefusesWithTheFieldAndTheRule() {
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", cityToken, "{\"orgId\":" + scene.city()
				+ ",\"name\":\"党员文明经营户" + scene.tree().tag() + "\",\"honoreeKinds\":[\"ENTERPRISE\"],\"levels\":[\"CITY\"],"
				+ "\"cycle\":2026,\"rulePartyMember\":true,\"ruleOnce\":true}"));
		long member = scene.enterprise("接口");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/honours/programmes/" + programme + "/nominations", countyToken,
				"{\"level\":\"CITY\",\"nominatorOrgId\":" + scene.county() + ",\"membershipId\":" + member + ",\"reasons\":\"x\"}"),
				"membershipId", "须为中共党员");
		assertThat(Api.get(port, "/api/v1/honours/programmes/" + programme, scene.tree().token(scene.tree().county(), Role.STAFF))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aSignedOutVisitorSeesOnlyTheNoticeAndTheVerificationAndNothingBeyondThem() {
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", cityToken, "{\"orgId\":" + scene.city()
				+ ",\"name\":\"文明诚信个体工商户" + scene.tree().tag() + "\",\"honoreeKinds\":[\"ENTERPRISE\"],\"levels\":[\"CITY\"],"
				+ "\"cycle\":2026,\"ruleOnce\":true,\"noticeDays\":7}"));
		long member = scene.enterprise("公开");
		String creditCode = jdbc.sql("select credit_code from party where id = :p").param("p", scene.partyOf(member)).query(String.class)
			.single();
		long nomination = Json.created(Api.post(port, "/api/v1/honours/programmes/" + programme + "/nominations", countyToken,
				"{\"level\":\"CITY\",\"nominatorOrgId\":" + scene.county() + ",\"membershipId\":" + member + ",\"reasons\":\"诚信\"}"));
		WebSession visitor = new WebSession(port);
		assertThat(visitor.get("/honours/notice/" + programme).statusCode()).as("nobody on notice yet").isEqualTo(404);
		Api.post(port, "/api/v1/honours/nominations/" + nomination + "/accept", cityToken, "{}");
		Api.post(port, "/api/v1/honours/programmes/" + programme + "/notice?level=CITY", cityToken, "{}");

		var notice = visitor.get("/honours/notice/" + programme);
		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(notice.body()).contains("公开有限公司" + scene.tree().tag(), "市级", "新华区表彰页面商会")
			.doesNotContain(creditCode, "诚信</", "139");
		var empty = visitor.postForm("/honours/notice/" + programme + "/objection", Map.of("nominationId", Long.toString(nomination),
				"contact", "王先生"));
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("请填写此项", "王先生");
		var filed = visitor.postForm("/honours/notice/" + programme + "/objection", Map.of("nominationId", Long.toString(nomination),
				"text", "存在拖欠工资问题"));
		assertThat(filed.statusCode()).isEqualTo(302);
		Refusals.assertApiRefused(Api.post(port, "/api/v1/honours/nominations/" + nomination + "/award", cityToken, "{}"), "status",
				"异议未答复");
		long objection = jdbc.sql("select id from honour_objection where nomination_id = :n").param("n", nomination).query(Long.class)
			.single();
		Api.post(port, "/api/v1/honours/objections/" + objection + "/answer", cityToken, "{\"answer\":\"已核实并整改\"}");
		String number = Json.text(Api.post(port, "/api/v1/honours/nominations/" + nomination + "/award", cityToken, "{}").body(),
				"$.certificateNumber");

		var verified = visitor.get("/honours/verify/" + number);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("该证书真实有效", "公开有限公司" + scene.tree().tag(), "石家庄市工商联", number)
			.doesNotContain(creditCode, "139");
		var unknown = visitor.get("/honours/verify/RY-2222-3333-4444-5555");
		var malformed = visitor.get("/honours/verify/1");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(malformed.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo(malformed.body()).doesNotContain("RY-2222");
		assertThat(visitor.get("/honours/notice/999999999").statusCode()).isEqualTo(404);

		for (String page : new String[] { "/honours", "/honours/" + programme, "/portal/honours", "/figures/honours",
				"/honours/awards/1/certificate.pdf" }) {
			var response = visitor.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(visitor.location(response)).as(page).endsWith("/login");
		}
		assertThat(Api.get(port, "/api/v1/honours/programmes", null).statusCode()).isEqualTo(401);
	}

	@Test
	void thePublicThrottleCountsHitsPerAddressAndMinute() {
		// a minute's turn in the middle starts the count afresh: then the next minute is tried once more
		for (int attempt = 0; attempt < 2; attempt++) {
			String address = "203.0.113." + (System.nanoTime() % 200) + "/" + attempt;
			java.time.Instant minute = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
			boolean allAllowed = true;
			for (int hit = 0; hit < 60; hit++) {
				allAllowed &= throttle.allow("test", address);
			}
			boolean sixtyFirst = throttle.allow("test", address);
			if (!minute.equals(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
				continue;
			}
			assertThat(allAllowed).isTrue();
			assertThat(sixtyFirst).isFalse();
			assertThat(throttle.allow("test", address + "1")).isTrue();
			return;
		}
	}

}
