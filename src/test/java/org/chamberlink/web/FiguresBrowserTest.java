package org.chamberlink.web;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.*;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The four figures pages on a 375 px phone, with their shared stat cards and drill-down: nothing
 * wider than the screen, each drill-down lists the level below, and a city's case figures drill
 * down to a county's own level and its chambers.
 */
@IntegrationTest
class FiguresBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFourFiguresPagesFitAPhoneAndDrillDownThroughOneTable() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "手机统计省工商联" + System.nanoTime(), "13", null);
		long city = fixture.federation("CITY", "手机统计市工商联", "1301", province);
		long county = fixture.federation("COUNTY", "新华区工商联", "130105", city);
		long chamber = fixture.chamber("INDUSTRY", "新华区餐饮商会", "130105", county);
		long empty = fixture.chamber("INDUSTRY", "新华区建材商会", "130105", county);
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, chamber, "马晓梅", MemberFixture.identityNumber(), MemberFixture.phone());
		Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "500"));
		int year = java.time.LocalDate.now(ChinaTime.ZONE).getYear();
		DuesFixture.schedule(port, admin, chamber, year, "300");
		DuesFixture.bill(port, admin, chamber, year);

		var cadre = new TestAccounts(accountManagement).createIn(city, Role.FEDERATION_ADMIN);
		phone();
		signIn(cadre.getUsername(), TestAccounts.PASSWORD);
		for (String figures : List.of("organizations", "members", "dues", "cases")) {
			page.navigate(url("/figures/" + figures));
			assertThat(page.locator(".card-table").last()).containsText("新华区工商联");
			org.assertj.core.api.Assertions.assertThat(page.evaluate("document.documentElement.scrollWidth"))
				.as("/figures/%s is no wider than the phone", figures)
				.isEqualTo(page.evaluate("document.documentElement.clientWidth"));
			screenshot("figures-" + figures + "-375");
		}

		// from the city's case figures to the county: its own level and both chambers, the one without cases too
		page.locator("[data-testid=case-figures-below]").getByText("新华区工商联").click();
		assertThat(page.locator("[data-testid=case-figures-node]")).hasText("新华区工商联");
		assertThat(page.locator("[data-testid=case-figures-below]")).containsText("新华区餐饮商会");
		assertThat(page.locator("[data-testid=case-figures-below]")).containsText("新华区建材商会");
		assertThat(page.locator("[data-testid=figure-cases]")).hasText("1");
		screenshot("figures-cases-county-375");

		// a tap on a column's heading sorts the chambers by it, again the other way
		var below = page.locator("[data-testid=case-figures-below]");
		var heading = below.locator("thead th").nth(1);
		heading.click();
		assertThat(heading).hasAttribute("aria-sort", "descending");
		assertThat(below.locator("tbody tr:not([data-pinned])").first()).containsText("新华区餐饮商会");
		heading.click();
		assertThat(heading).hasAttribute("aria-sort", "ascending");
		assertThat(below.locator("tbody tr:not([data-pinned])").first()).containsText("新华区建材商会");
		org.assertj.core.api.Assertions.assertThat(below.locator("tbody tr[data-pinned] ~ tr[data-pinned]").count())
			.as("the county's own row, if any, is not moved among the chambers")
			.isZero();

		// a chart with nothing to count says so; one with bars shows each bar's value
		assertThat(page.locator("[data-chart=bar] canvas").first()).isVisible();
		page.navigate(url("/figures/members?org=" + empty));
		assertThat(page.locator("[data-chart=bar]").first()).hasText("暂无数据");
	}

}
