package org.chamberlink.benefit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benefit pages and API as staff, a member and a merchant meet them: a merchant signed with the
 * project's form (a refusal keeps what was typed, 422), its till opened from its page, the member's
 * card in the portal, the till checking and recording a use — and the till reaching nothing else,
 * page or API; the neighbour sees no merchant.
 */
@IntegrationTest
class BenefitPagesWebTest {

	private static final String NEW_PASSWORD = "Till-Passw0rd-2026";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSignAMerchantOpenItsTillAndTheTillChecksAMemberCardAndReachesNothingElse() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("商户");
		String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		String phone = MemberFixture.phone();
		String idNumber = MemberFixture.identityNumber();
		long person = MemberFixture.person(port, admin, tree.chamber(), "刷卡会员" + tree.tag(), idNumber, phone);
		AccountPrincipal memberAccount = CaseFixture.memberAccount(accounts, jdbc, person);

		AccountPrincipal cadre = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		WebSession staff = WebSession.signedIn(port, cadre.getUsername(), TestAccounts.PASSWORD);
		assertThat(staff.get("/benefit/merchants").body()).contains("合作商户", "暂无合作商户");
		assertThat(staff.get("/benefit/merchants/new").body()).contains("data-testid=\"merchant-form\"", "优惠条款");
		Refusals.assertFormKept(staff.postForm("/benefit/merchants/new", Map.of("orgId", Long.toString(tree.county()), "name", "",
				"category", "CATERING", "address", "中山东路 9 号", "terms", "会员八八折")), "name", "必填", "中山东路 9 号", "会员八八折");
		Refusals.assertFormKept(staff.postForm("/benefit/merchants/new", Map.of("orgId", Long.toString(tree.county()), "name",
				"长安酒家", "category", "CATERING", "address", "中山东路 9 号", "terms", "会员八八折", "startsOn", "2026-05-01", "endsOn",
				"2026-04-01")), "endsOn", "结束日期早于开始日期", "长安酒家");
		HttpResponse<String> saved = staff.postForm("/benefit/merchants/new", Map.of("orgId", Long.toString(tree.county()), "name",
				"长安酒家" + tree.tag(), "category", "CATERING", "address", "中山东路 9 号", "terms", "会员八八折"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String detail = staff.location(saved);
		long merchant = Long.parseLong(detail.replaceAll(".*/", ""));
		assertThat(staff.get(detail).body()).contains("长安酒家" + tree.tag(), "会员八八折", "餐饮", "暂无使用记录");
		assertThat(staff.get("/benefit/merchants").body()).contains("长安酒家" + tree.tag(), "data-label=\"优惠条款\"");

		HttpResponse<String> opened = staff.postForm("/benefit/merchants/" + merchant + "/account", Map.of());
		assertThat(opened.statusCode()).isEqualTo(200);
		String login = testId(opened.body(), "opened-login");
		String password = testId(opened.body(), "opened-password");
		assertThat(login).isEqualTo("merchant-" + merchant);
		assertThat(staff.postForm("/benefit/merchants/" + merchant + "/account", Map.of()).statusCode()).isEqualTo(422);

		// the till's first sign-in changes its password, then lands on its one page
		WebSession till = new WebSession(port);
		assertThat(till.location(till.login(login, password))).isEqualTo("/account/password");
		till.get("/account/password");
		HttpResponse<String> changed = till.postForm("/account/password",
				Map.of("currentPassword", password, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(till.location(changed)).isEqualTo("/");
		assertThat(till.location(till.get("/"))).endsWith("/merchant");
		String tillPage = till.get("/merchant").body();
		assertThat(tillPage).contains("长安酒家" + tree.tag(), "卡码", "核验").doesNotContain("href=\"/account\"");
		assertThat(sidebarLinks(tillPage)).containsExactly("/merchant");
		for (String page : List.of("/members", "/benefit/merchants", "/benefit/merchants/" + merchant, "/portal/card", "/account",
				"/dues", "/figures/benefit", "/organizations", "/cases", "/admin/audit", "/account/tokens")) {
			HttpResponse<String> response = till.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(403);
			assertThat(response.body()).as(page).contains("无权访问");
		}
		assertThat(till.postForm("/benefit/merchants/new", Map.of("name", "x")).statusCode()).isEqualTo(403);

		// the member's card in the portal, and a fresh code for the page's script
		WebSession portal = WebSession.signedIn(port, memberAccount.getUsername(), TestAccounts.PASSWORD);
		String card = portal.get("/portal/card").body();
		assertThat(card).contains("刷卡会员" + tree.tag(), "长安区商户商会" + tree.tag(), "2023-06-15", "有效", "data:image/png;base64,",
				"/js/card.js");
		String fresh = portal.getJson("/portal/card/code").body();
		String code = Json.text(fresh, "$.code");
		assertThat(code).startsWith("CL." + person + ".");
		assertThat(Json.<Boolean>read(fresh, "$.valid")).isTrue();

		String checked = till.postForm("/merchant/check", Map.of("code", code)).body();
		assertThat(testId(checked, "till-verdict")).isEqualTo("有效");
		assertThat(testId(checked, "till-name")).isEqualTo("刷卡会员" + tree.tag());
		assertThat(testId(checked, "till-orgs")).isEqualTo("长安区商户商会" + tree.tag());
		assertThat(checked).doesNotContain(phone).doesNotContain(idNumber);
		String forged = till.postForm("/merchant/check", Map.of("code", "CL." + person + ".1700000000.AAAAAAAAAAAAAAAAAAAAAA")).body();
		assertThat(testId(forged, "till-verdict")).isEqualTo("无效");
		assertThat(forged).contains("无法识别的卡码").doesNotContain("刷卡会员" + tree.tag());

		HttpResponse<String> used = till.postForm("/merchant/uses", Map.of("code", code));
		assertThat(till.location(used)).endsWith("/merchant");
		assertThat(till.get("/merchant").body()).contains("已记录本次使用");
		HttpResponse<String> again = till.postForm("/merchant/uses", Map.of("code", code));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("本次核验已记录过使用");

		// the till's API: its checks answer, anything else is a problem detail 403
		String tillToken = tokens.create(accounts.findByUsername(login).orElseThrow().id(), "till").secret();
		HttpResponse<String> apiCheck = Api.post(port, "/api/v1/merchant/checks", tillToken, "{\"code\":\"" + code + "\"}");
		assertThat(apiCheck.statusCode()).as(apiCheck.body()).isEqualTo(200);
		assertThat(Json.<Boolean>read(apiCheck.body(), "$.valid")).isTrue();
		assertThat(Json.text(apiCheck.body(), "$.name")).isEqualTo("刷卡会员" + tree.tag());
		assertThat(apiCheck.body()).doesNotContain(phone).doesNotContain(idNumber);
		HttpResponse<String> apiAgain = Api.post(port, "/api/v1/merchant/uses", tillToken, "{\"code\":\"" + code + "\"}");
		Refusals.assertApiRefused(apiAgain, "code", "本次核验已记录过使用");
		HttpResponse<String> apiForged = Api.post(port, "/api/v1/merchant/checks", tillToken, "{\"code\":\"nonsense\"}");
		assertThat(Json.<Boolean>read(apiForged.body(), "$.valid")).isFalse();
		assertThat(Json.text(apiForged.body(), "$.message")).contains("无法识别的卡码");
		for (String api : List.of("/api/v1/merchants", "/api/v1/members", "/api/v1/me", "/api/v1/organizations/" + tree.county())) {
			HttpResponse<String> response = Api.get(port, api, tillToken);
			assertThat(response.statusCode()).as(api).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).as(api)
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		}
		// staff and members never reach the till
		assertThat(staff.get("/merchant").statusCode()).isEqualTo(403);
		assertThat(portal.get("/merchant").statusCode()).isEqualTo(403);

		// the merchant's page counts the use by month
		String uses = staff.get(detail).body();
		assertThat(uses).contains("data-testid=\"merchant-uses\"").doesNotContain("暂无使用记录");
		assertThat(staff.get("/figures/benefit?org=" + tree.county()).body()).contains("有效会员卡", "长安酒家" + tree.tag());
	}

	@Test
	void theApiKeepsMerchantsInScopeAndRefusesBadInputWithTheField() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("商户接口");
		String staff = tree.token(tree.county(), Role.STAFF);
		HttpResponse<String> created = Api.post(port, "/api/v1/merchants", staff, "{\"orgId\":" + tree.chamber()
				+ ",\"name\":\"长安超市\",\"category\":\"RETAIL\",\"address\":\"建设北大街 2 号\",\"terms\":\"满 100 减 10\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Json.number(created.body(), "$.id");
		assertThat(Json.text(created.body(), "$.orgName")).isEqualTo("长安区商户接口商会" + tree.tag());
		Refusals.assertApiRefused(Api.post(port, "/api/v1/merchants", staff, "{\"orgId\":" + tree.chamber()
				+ ",\"name\":\"长安超市\",\"category\":\"RETAIL\",\"address\":\"x\",\"terms\":\"y\"}"), "name", "已有名为");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/merchants", staff, "{\"orgId\":" + tree.chamber()
				+ ",\"name\":\"乙\",\"category\":\"RETAIL\",\"address\":\"\",\"terms\":\"y\"}"), "address", "必填");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/merchants", staff, "{\"orgId\":" + tree.neighbour()
				+ ",\"name\":\"丙\",\"category\":\"RETAIL\",\"address\":\"x\",\"terms\":\"y\"}"), "orgId", "未找到该组织");
		HttpResponse<String> changed = Api.put(port, "/api/v1/merchants/" + id, staff, "{\"orgId\":" + tree.chamber()
				+ ",\"name\":\"长安超市\",\"category\":\"RETAIL\",\"address\":\"建设北大街 2 号\",\"terms\":\"满 100 减 15\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(Json.text(changed.body(), "$.terms")).isEqualTo("满 100 减 15");
		assertThat(Api.get(port, "/api/v1/merchants", staff).body()).contains("长安超市");
		assertThat(Api.get(port, "/api/v1/merchants/" + id + "/uses", staff).body()).isEqualTo("[]");
		// opening a till is an administrator's decision
		assertThat(Api.post(port, "/api/v1/merchants/" + id + "/account", staff, "{}").statusCode()).isEqualTo(403);
		HttpResponse<String> opened = Api.post(port, "/api/v1/merchants/" + id + "/account",
				tree.token(tree.county(), Role.FEDERATION_ADMIN), "{}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		assertThat(Json.text(opened.body(), "$.login")).isEqualTo("merchant-" + id);

		String neighbour = tree.token(tree.neighbourCounty(), Role.FEDERATION_ADMIN);
		assertThat(Api.get(port, "/api/v1/merchants/" + id, neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/merchants/" + id + "/uses", neighbour).statusCode()).isEqualTo(404);
		assertThat(Api.put(port, "/api/v1/merchants/" + id, neighbour, "{\"orgId\":" + tree.chamber()
				+ ",\"name\":\"改名\",\"category\":\"RETAIL\",\"address\":\"x\",\"terms\":\"y\"}").statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/merchants", neighbour).body()).doesNotContain("长安超市");
	}

	private static String testId(String html, String id) {
		Matcher matcher = Pattern.compile("data-testid=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1).trim();
	}

	private static List<String> sidebarLinks(String html) {
		int start = html.indexOf("data-testid=\"sidebar\"");
		String sidebar = html.substring(start, html.indexOf("</ul>", start));
		return Pattern.compile("class=\"nav-link\" href=\"([^\"]+)\"").matcher(sidebar).results().map(m -> m.group(1)).toList();
	}

}
