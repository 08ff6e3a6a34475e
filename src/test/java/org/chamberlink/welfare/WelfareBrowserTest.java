package org.chamberlink.welfare;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's "Done when" in the browser: county staff add a village, pair two member enterprises
 * with it, appoint an adviser, record a project of ¥50,000 committed and ¥30,000 delivered in two
 * payments; the county's figures show 2 enterprises, 1 village, 1 adviser and ¥30,000 delivered; a
 * donation campaign receives a pledge and its payment, the donor's certificate opens as a PDF, and
 * the public thank-you roll shows only the donors who agreed. The lists then fit a 375 px phone.
 */
@IntegrationTest
class WelfareBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffPairAVillageRecordItsMoneySeeTheFiguresAndThankTheDonors() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("光彩浏览");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		String firstName = "光彩甲企业" + tree.tag();
		String secondName = "光彩乙企业" + tree.tag();
		String personName = "顾问" + tree.tag();
		long first = MemberFixture.enterprise(port, chamberToken, tree.chamber(), firstName, MemberFixture.creditCode(), MemberFixture.phone());
		long second = MemberFixture.enterprise(port, chamberToken, tree.chamber(), secondName, MemberFixture.creditCode(), MemberFixture.phone());
		long person = MemberFixture.person(port, chamberToken, tree.chamber(), personName, MemberFixture.identityNumber(), MemberFixture.phone());
		String township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130102%' order by code limit 1")
			.query(String.class).single();
		String today = LocalDate.now(ChinaTime.ZONE).toString();
		AccountPrincipal staff = tree.account(tree.county(), Role.STAFF);
		signIn(staff.getUsername(), TestAccounts.PASSWORD);

		// a village
		page.navigate(url("/welfare/villages"));
		page.locator("#townshipCode").fill(township);
		page.locator("#village-name").fill("光彩村" + tree.tag());
		page.locator("#statCode").fill(township + "301");
		page.locator("#reliefStatus").selectOption("LIFTED");
		page.locator("[data-testid=add-village]").click();
		assertThat(page.locator("[data-testid=village-name]")).hasText("光彩村" + tree.tag());

		// two member enterprises paired with it
		page.locator("[data-testid=new-pairing]").click();
		page.locator("#partyIds").selectOption(new String[] { Long.toString(first), Long.toString(second) });
		page.locator("[data-testid=kind-INDUSTRY]").check();
		page.locator("[data-testid=kind-EMPLOYMENT]").check();
		page.locator("[data-testid=save-pairing]").click();
		assertThat(page.locator("[data-testid=pairing-helpers]")).containsText(firstName);
		assertThat(page.locator("[data-testid=pairing-helpers]")).containsText(secondName);
		String pairingUrl = page.url();

		// an adviser appointed to the village
		page.locator("[data-testid=pairing-village]").click();
		page.locator("#adviser-party").selectOption(Long.toString(person));
		page.locator("[data-testid=appoint-adviser]").click();
		assertThat(page.locator("[data-testid=advisers]")).containsText(personName);

		// a project: ¥50,000 committed, ¥30,000 delivered in two payments
		page.navigate(pairingUrl);
		page.locator("#project-name").fill("核桃加工厂");
		page.locator("#project-kind").selectOption("INDUSTRY");
		page.locator("#committed").fill("50,000");
		page.locator("#peopleEmployed").fill("12");
		page.locator("[data-testid=add-project]").click();
		assertThat(page.locator("[data-testid=project-committed]")).hasText("¥50,000.00");
		for (String amount : List.of("20000", "10000")) {
			page.locator("#paidOn").fill(today);
			page.locator("#amount").fill(amount);
			page.locator("[data-testid=record-payment]").click();
			assertThat(page.locator("[role=status]").first()).containsText("已登记到位资金");
		}
		assertThat(page.locator("[data-testid=project-delivered]")).hasText("¥30,000.00");
		assertThat(page.locator("[data-testid=payments] tbody tr")).hasCount(2);

		// the county's figures
		page.navigate(url("/figures/welfare"));
		assertThat(page.locator("[data-testid=figure-enterprises]")).hasText("2");
		assertThat(page.locator("[data-testid=figure-villages]")).hasText("1");
		assertThat(page.locator("[data-testid=figure-advisers]")).hasText("1");
		assertThat(page.locator("[data-testid=figure-delivered]")).hasText("¥30,000.00");
		screenshot("welfare-figures");

		// a donation campaign: a pledge that agrees to be named, one that does not, both paid
		page.navigate(url("/welfare/campaigns"));
		page.locator("#campaign-kind").selectOption("DISASTER");
		page.locator("#title").fill("抗震救灾" + tree.tag());
		page.locator("#target").fill("100000");
		page.locator("[data-testid=create-campaign]").click();
		assertThat(page.locator("[data-testid=campaign-title]")).hasText("抗震救灾" + tree.tag());
		String campaignUrl = page.url();
		page.locator("#pledge-party").selectOption(Long.toString(first));
		page.locator("#pledge-money").fill("2000");
		page.locator("[data-testid=consent]").check();
		page.locator("[data-testid=add-pledge]").click();
		assertThat(page.locator("[data-testid=pledges]")).containsText(firstName);
		page.locator("#donorName").fill("匿名人士" + tree.tag());
		page.locator("#pledge-money").fill("500");
		page.locator("[data-testid=add-pledge]").click();
		assertThat(page.locator("[data-testid=pledges]")).containsText("匿名人士" + tree.tag());
		for (int i = 0; i < 2; i++) {
			var form = page.locator("[data-testid=pledges] form").nth(i);
			form.locator("input[name=money]").fill(i == 0 ? "2000" : "500");
			form.locator("[data-testid=receive]").click();
			assertThat(page.locator("[role=status]").first()).containsText("已登记到账");
		}
		assertThat(page.locator("[data-testid=campaign-received]")).containsText("¥2,500.00");

		// the donor's certificate opens as a PDF
		String certificate = page.locator("[data-testid=receipts] a[data-testid^=certificate-]").first().getAttribute("href");
		APIResponse pdf = page.request().get(url(certificate));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

		// the thank-you roll, published, names only the donor who agreed — signed out
		page.locator("[data-testid=toggle-roll]").click();
		String roll = page.locator("[data-testid=roll-link]").getAttribute("href");
		BrowserContext visitor = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN"));
		Page outside = visitor.newPage();
		outside.navigate(url(roll));
		assertThat(outside.locator("[data-testid=roll]")).containsText(firstName);
		assertThat(outside.locator("[data-testid=roll]")).not().containsText("匿名人士");
		visitor.close();

		// the lists on a phone
		phone();
		for (String path : List.of("/welfare/villages", "/welfare/pairings", "/welfare/campaigns", "/welfare/agreements",
				"/figures/welfare", campaignUrl.replace(url(""), ""), pairingUrl.replace(url(""), ""))) {
			page.navigate(url(path));
			assertThat(page.locator("main")).isVisible();
			screenshot("375-welfare" + path.replaceAll("\\d{3,}", "n").replaceAll("\\W+", "-"));
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
				.as(path + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		}
	}

}
