package org.chamberlink.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell as a user meets it: a sidebar in sections, and the localized page for what one may not do. */
@IntegrationTest
class ShellSectionsAndForbiddenPagesWebTest {

	private static final Pattern SECTION = Pattern.compile("<details ([^>]*)>");

	private static final Pattern NAME = Pattern.compile("data-section=\"(\\w+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Test
	void aReadOnlyAccountGetsTheLocalizedForbiddenPageAndTheApiKeepsProblemDetails() {
		var leader = new TestAccounts(accountManagement).create(Role.AUDITOR);
		WebSession browser = WebSession.signedIn(port, leader.getUsername(), TestAccounts.PASSWORD);
		for (String page : List.of("/members/new", "/admin/audit", "/notifications")) {
			var response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).as(page)
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			assertThat(response.body()).as(page).contains("无权访问", "返回首页").doesNotContain("\"detail\"");
		}
		var api = Api.get(port, "/api/v1/notifications", tokens.create(leader.id(), "test").secret());
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void theSidebarGroupsEntriesIntoSectionsWithTheCurrentOneOpen() {
		var staff = new TestAccounts(accountManagement).create(Role.FEDERATION_ADMIN);
		WebSession browser = WebSession.signedIn(port, staff.getUsername(), TestAccounts.PASSWORD);
		String dues = browser.get("/dues").body();
		// ---- points and honours (EVALUATIONS), welfare (WELFARE), notices (NOTICES, decision 39), returns (REPORTS, decision 44) ----
		assertThat(sections(dues)).containsExactly("ORGANIZATIONS", "MEMBERS", "DUES*", "SERVICES", "ACTIVITIES", "EVALUATIONS",
				"WELFARE", "NOTICES", "REPORTS");
		assertThat(dues).contains(">组织</summary>", ">会员</summary>", ">会费</summary>", ">服务</summary>", ">活动</summary>",
				">评价</summary>", ">公益</summary>");
		assertThat(sections(browser.get("/").body())).containsExactly("ORGANIZATIONS", "MEMBERS", "DUES", "SERVICES", "ACTIVITIES",
				"EVALUATIONS", "WELFARE", "NOTICES", "REPORTS");
		assertThat(sections(browser.get("/reports").body())).contains("REPORTS*");
		assertThat(sections(browser.get("/activities/ledger").body())).contains("ACTIVITIES*");
		assertThat(sections(browser.get("/points/rules").body())).contains("EVALUATIONS*");
		assertThat(sections(browser.get("/honours").body())).contains("EVALUATIONS*");
		assertThat(sections(browser.get("/evaluations").body())).contains("EVALUATIONS*");
		assertThat(sections(browser.get("/welfare/pairings").body())).contains("WELFARE*");
		assertThat(sections(browser.get("/notices/inbox").body())).contains("NOTICES*");
		assertThat(sections(browser.get("/surveys").body())).contains("NOTICES*");
		// ---- proposal (SERVICES), disclosure (ORGANIZATIONS), issue 21 ----
		assertThat(sections(browser.get("/proposals").body())).contains("SERVICES*");
		assertThat(sections(browser.get("/disclosures").body())).contains("ORGANIZATIONS*");

		var member = new TestAccounts(accountManagement).create(Role.MEMBER);
		WebSession portal = WebSession.signedIn(port, member.getUsername(), TestAccounts.PASSWORD);
		assertThat(sections(portal.get("/account").body())).containsExactly("PORTAL");

		// ---- benefit: a partner merchant's till has no section, only its one page; everything else is the 403 page ----
		var merchant = new TestAccounts(accountManagement).create(Role.MERCHANT);
		WebSession till = WebSession.signedIn(port, merchant.getUsername(), TestAccounts.PASSWORD);
		String tillPage = till.get("/merchant").body();
		assertThat(sections(tillPage)).isEmpty();
		assertThat(tillPage).contains("href=\"/merchant\"").doesNotContain("href=\"/account\"").doesNotContain("href=\"/portal");
		for (String page : List.of("/account", "/members/new", "/portal/card", "/dues", "/benefit/merchants")) {
			var response = till.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(403);
			assertThat(response.body()).as(page).contains("无权访问");
		}
		assertThat(sections(portal.get("/portal/card").body())).containsExactly("PORTAL*");
		assertThat(sections(browser.get("/benefit/merchants").body())).contains("SERVICES*");
	}

	@Test
	void everyPageNamesItsIconAndReadinessIsReportedOnceStartedUp() {
		var login = new WebSession(port).get("/login");
		assertThat(login.body()).contains("rel=\"icon\"", "/img/favicon.svg");
		var icon = new WebSession(port).get("/img/favicon.svg");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.body()).startsWith("<svg");
		// readiness comes after the start-up runners (first administrator, demo data)
		var readiness = Api.get(port, "/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
	}

	/** The sections of the sidebar in order, an open one marked with {@code *}. */
	private static List<String> sections(String page) {
		Matcher matcher = SECTION.matcher(page);
		return matcher.results().map(found -> {
			Matcher name = NAME.matcher(found.group(1));
			return (name.find() ? name.group(1) : "?") + (found.group(1).contains("open=") ? "*" : "");
		}).toList();
	}

}
