package org.chamberlink.dues;

import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
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
 * A receipt fits a phone (375 px): the longest things a receipt holds — a long organisation and
 * member name, a WeChat Pay transaction number of 32 digits, an amount in capitals of a million
 * yuan, credit kept, the line of a payment entered after the fact — neither make the page scroll
 * sideways nor squeeze a column to one character a line. The screenshot is
 * {@code target/screenshots/54-dues-receipt-phone.png}.
 */
@IntegrationTest
class ReceiptPhoneBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLongestReceiptFitsA375PixelPhone() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("收据手机");
		long chamber = tree.fixture().chamber("INDUSTRY", "石家庄市长安区新材料与装配式建筑产业商会" + tree.tag(), "130102",
				tree.county());
		String token = tree.token(chamber, Role.CHAMBER_ADMIN);
		long party = MemberFixture.enterprise(port, token, chamber, "河北省石家庄市长安区华北新型建筑材料科技股份有限公司",
				MemberFixture.creditCode(), MemberFixture.phone());
		DuesFixture.schedule(port, token, chamber, 2024, "999999");
		DuesFixture.bill(port, token, chamber, 2024);
		long bill = jdbc.sql("select id from dues_bill where party_id = :p").param("p", party).query(Long.class).single();
		var paid = Api.post(port, "/api/v1/dues/bills/" + bill + "/payments", token, "{\"amount\":\"1,000,000.00\","
				+ "\"paidOn\":\"2024-04-01\",\"method\":\"WECHAT\",\"reference\":\"42000012342026112812345678901234\"}");
		long receipt = Json.number(Json.createdBody(paid), "$.entryId");

		signIn(new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		page.waitForURL(url -> !url.contains("/login"));
		phone();
		page.navigate(url("/dues/receipts/" + receipt));
		assertThat(page.locator("[data-testid=receipt-words]")).hasText("壹佰万元整");
		assertThat(page.locator("[data-testid=receipt-backdated]")).containsText("补录");
		screenshot("54-dues-receipt-phone");

		int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
		assertThat(overflow).as("the page scrolls sideways by").isLessThanOrEqualTo(0);
		// nothing of the receipt reaches past the screen's right edge, hidden or not
		@SuppressWarnings("unchecked")
		List<String> outside = (List<String>) page.evaluate("""
				() => Array.from(document.querySelectorAll('[data-testid=receipt] *'))
				  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
				  .map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 30))""");
		assertThat(outside).as("parts of the receipt past the right edge").isEmpty();
		// every cell is wider than two characters: nothing is squeezed to a character a line
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> cells = (List<Map<String, Object>>) page.evaluate("""
				() => Array.from(document.querySelectorAll('[data-testid=receipt] th, [data-testid=receipt] td'))
				  .map(c => ({ text: c.textContent.trim().slice(0, 20), width: c.getBoundingClientRect().width,
				               em: parseFloat(getComputedStyle(c).fontSize) }))""");
		assertThat(cells).isNotEmpty().allSatisfy(cell -> assertThat(((Number) cell.get("width")).doubleValue())
			.as("width of “" + cell.get("text") + "”")
			.isGreaterThan(3 * ((Number) cell.get("em")).doubleValue()));
	}

}
