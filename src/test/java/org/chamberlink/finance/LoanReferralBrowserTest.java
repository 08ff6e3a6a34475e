package org.chamberlink.finance;

import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 21's "Done when": a loan referral goes from the portal to granted. A member on a phone
 * applies (a wrong amount first, kept and explained), the chamber's staff recommend the application
 * to the bank the county has an agreement with and record the loan, and the member then sees it
 * granted on the phone.
 */
@IntegrationTest
class LoanReferralBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLoanReferralGoesFromThePortalToGranted() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("贷款浏览");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, chamberToken, tree.chamber(), "贷款人" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		Api.post(port, "/api/v1/finance/agreements", tree.token(tree.county(), Role.STAFF), "{\"orgId\":" + tree.county()
				+ ",\"bank\":\"河北银行" + tree.tag() + "\",\"creditLine\":\"500000000\"}");
		AccountPrincipal member = CaseFixture.memberAccount(accounts, jdbc, person);

		// the member applies on a phone; "30万" is refused and kept
		phone();
		signIn(member.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/portal/loans"));
		page.locator("#amount").fill("30万");
		page.locator("#termMonths").fill("24");
		page.locator("#purpose").fill("购置冷链车");
		page.locator("[data-testid=loan-apply]").click();
		assertThat(page.locator("[data-field-error=amount]")).containsText("不能写“30万”");
		assertThat(page.locator("#purpose")).hasValue("购置冷链车");
		page.locator("#amount").fill("300000");
		page.locator("[data-testid=loan-apply]").click();
		assertThat(page.locator("[data-testid=loan-status]")).hasText("已申请");
		screenshot("loan-portal-applied");

		// the chamber's staff recommend it to the county's bank and record the loan
		BrowserContext staffContext = browser().newContext();
		Page staff = staffContext.newPage();
		AccountPrincipal secretary = tree.account(tree.chamber(), Role.STAFF);
		staff.navigate(url("/login"));
		staff.locator("#username").fill(secretary.getUsername());
		staff.locator("#password").fill(TestAccounts.PASSWORD);
		staff.locator("button[type=submit]").click();
		staff.navigate(url("/finance/referrals"));
		staff.locator("[data-testid=referral-row] a", new Page.LocatorOptions().setHasText("贷款人" + tree.tag())).click();
		assertThat(staff.locator("[data-testid=referral-status]")).hasText("已申请");
		staff.locator("#agreementId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
				"河北银行" + tree.tag() + " · 长安区工商联" + tree.tag()));
		staff.locator("[data-testid=recommend-save]").click();
		assertThat(staff.locator("[data-testid=referral-status]")).hasText("已推荐");
		staff.locator("#grantedAmount").fill("280,000");
		staff.locator("#rate").fill("3.95");
		staff.locator("#decidedOn").fill(LocalDate.now(ChinaTime.ZONE).toString());
		staff.locator("[data-testid=grant-save]").click();
		assertThat(staff.locator("[data-testid=referral-status]")).hasText("已放款");
		assertThat(staff.locator("[data-testid=referral-granted]")).containsText("¥280,000.00 · 3.95%");
		staffContext.close();

		// the member sees it granted
		page.navigate(url("/portal/loans"));
		assertThat(page.locator("[data-testid=loan-status]")).hasText("已放款");
		assertThat(page.locator("[data-testid=loan-granted]")).containsText("¥280,000.00");
		assertThat(page.locator("[data-testid=loan-granted]")).containsText("3.95%");
		org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= 375"))
			.as("the portal's loans fit a 375 px phone").isTrue();
		screenshot("loan-portal-granted");
	}

}
