package org.chamberlink.member;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member entered by two chambers, in Chromium: the second chamber's secretary-general, on a
 * phone, corrects the legal representative; it becomes a proposal, the county approves it on its
 * proposals page, and both chambers show the corrected name — each with its own phone number.
 */
@IntegrationTest
@Tag("browser")
class SharedPartyBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChamberProposesACorrectionAndTheCountyApprovesIt() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		String suffix = Long.toString(System.nanoTime());
		long province = fixture.federation("PROVINCE", "共享浏览器测试省" + suffix, "13", null);
		long county = fixture.federation("COUNTY", "桥西区工商联" + suffix, "130104", province);
		long first = fixture.chamber("INDUSTRY", "桥西区建材商会" + suffix, "130104", county);
		long second = fixture.chamber("INDUSTRY", "桥西区物流商会" + suffix, "130104", county);
		String code = MemberFixture.creditCode();
		String firstPhone = MemberFixture.phone();
		String secondPhone = MemberFixture.phone();
		long party = MemberFixture.enterprise(port, fixture.tokenIn(first, Role.CHAMBER_ADMIN), first,
				"冀中建材" + suffix + "有限公司", code, firstPhone);
		assertThat(MemberFixture.enterprise(port, fixture.tokenIn(second, Role.CHAMBER_ADMIN), second, "随便写的名称", code,
				secondPhone)).as("the second chamber attaches to the registered enterprise").isEqualTo(party);

		var secretary = new TestAccounts(accountManagement).createIn(second, Role.CHAMBER_ADMIN);
		phone();
		signIn(secretary.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/members/" + party));
		PlaywrightAssertions.assertThat(page.getByTestId("party-name")).hasText("冀中建材" + suffix + "有限公司");
		PlaywrightAssertions.assertThat(page.getByTestId("phone"))
			.hasText(secondPhone.substring(0, 3) + "****" + secondPhone.substring(7));
		page.navigate(url("/members/" + party + "/edit"));
		page.locator("#legalRepresentative").fill("赵建国");
		page.locator("form.card button[type=submit]").click();
		PlaywrightAssertions.assertThat(page.locator(".alert-success")).containsText("已提交共同的上级工商联审核");
		PlaywrightAssertions.assertThat(page.getByTestId("party-proposals")).containsText("待审核");
		screenshot("shared-party-proposed-375");

		page.context().clearCookies();
		var countyAdmin = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);
		page.setViewportSize(1280, 900);
		signIn(countyAdmin.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/members/proposals"));
		PlaywrightAssertions.assertThat(page.getByTestId("proposal")).containsText("赵建国");
		PlaywrightAssertions.assertThat(page.getByTestId("proposal")).containsText("法定代表人");
		screenshot("shared-party-proposals");
		page.getByTestId("approve-proposal").click();
		PlaywrightAssertions.assertThat(page.locator(".alert-success")).containsText("已批准");
		PlaywrightAssertions.assertThat(page.getByTestId("no-proposals")).isVisible();

		page.navigate(url("/members/" + party));
		PlaywrightAssertions.assertThat(page.locator("body")).containsText("赵建国");
		assertThat(jdbc.sql("select legal_representative from party where id = :id").param("id", party)
			.query(String.class).single()).isEqualTo("赵建国");
		assertThat(jdbc.sql("select count(*) from party_contact where party_id = :id").param("id", party)
			.query(Long.class).single()).as("two chambers, two copies of the contacts").isEqualTo(2);
	}

}
