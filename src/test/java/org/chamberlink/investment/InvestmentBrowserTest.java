package org.chamberlink.investment;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 21's "Done when": an investment project moves from lead to signed and the figures show it.
 * County staff record a lead (industry from the GB/T 4754 list, origin from the region picker), move
 * it to negotiating and then to signed with ¥460,000,000 contracted; the stage history lists the
 * three dated steps and the county's figures count one signed project by stage, industry and origin.
 * The list then fits a 375 px phone.
 */
@IntegrationTest
class InvestmentBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInvestmentProjectMovesFromLeadToSignedAndTheFiguresShowIt() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("招商浏览");
		AccountPrincipal staff = tree.account(tree.county(), Role.STAFF);
		signIn(staff.getUsername(), TestAccounts.PASSWORD);
		String name = "锂电池项目" + tree.tag();

		page.navigate(url("/investment/projects"));
		page.locator("#name").fill(name);
		page.locator("#industryCode").selectOption("38");
		pick(page, "originCode", "深圳", "深圳市");
		page.locator("#investorName").fill("深圳某新能源有限公司");
		page.locator("#planned").fill("500,000,000");
		page.locator("[data-testid=project-save]").click();
		assertThat(page.locator("[data-testid=project-stage]")).hasText("线索");

		// negotiating, then signed: a contract is needed to sign
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		page.locator("#movedOn").fill(today);
		page.locator("[data-testid=move-save]").click();
		assertThat(page.locator("[data-testid=project-stage]")).hasText("洽谈");
		page.locator("[data-testid=move-save]").click();
		assertThat(page.locator("[data-field-error=contracted]")).containsText("签约须填写大于零的签约金额");
		page.locator("#move-contracted").fill("460,000,000");
		page.locator("[data-testid=move-save]").click();
		assertThat(page.locator("[data-testid=project-stage]")).hasText("签约");
		assertThat(page.locator("[data-testid=project-contracted]")).hasText("¥460,000,000.00");
		assertThat(page.locator("[data-testid=stage-history] li")).hasCount(3);
		assertThat(page.locator("[data-testid=stage-history]")).containsText("签约 " + today);

		// the county's figures
		page.navigate(url("/figures/investment"));
		assertThat(page.locator("[data-testid=figure-projects]")).hasText("1");
		assertThat(page.locator("[data-testid=figure-signed]")).hasText("1");
		assertThat(page.locator("[data-testid=figure-contracted]")).hasText("¥460,000,000.00");
		assertThat(page.locator("[data-testid=investment-by-stage] tr[data-key=SIGNED]")).containsText("¥460,000,000.00");
		assertThat(page.locator("[data-testid=investment-by-industry]")).containsText("电气机械和器材制造业");
		assertThat(page.locator("[data-testid=investment-by-origin]")).containsText("广东省");
		screenshot("investment-figures");

		phone();
		page.navigate(url("/investment/projects"));
		assertThat(page.locator("[data-testid=project-row]").first()).containsText(name);
		org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= 375"))
			.as("the project list fits a 375 px phone").isTrue();
	}

}
