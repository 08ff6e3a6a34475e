package org.chamberlink.welfare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a campaign's money went, on its page: staff record a transfer to the receiving body with
 * its document uploaded; the transfer is listed with the document as a download that gives back
 * the same bytes under its name; a transfer refused (no recipient) keeps what was typed; and staff
 * of the neighbouring county do not reach the document (404, as for one that does not exist).
 */
@IntegrationTest
class WelfareTransferBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffUploadATransfersDocumentAndDownloadItAgain() throws Exception {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("光彩拨付");
		AccountPrincipal staff = tree.account(tree.county(), Role.STAFF);
		signIn(staff.getUsername(), TestAccounts.PASSWORD);

		page.navigate(url("/welfare/campaigns"));
		page.locator("#campaign-kind").selectOption("DISASTER");
		page.locator("#title").fill("拨付测试" + tree.tag());
		page.locator("[data-testid=create-campaign]").click();
		assertThat(page.locator("[data-testid=campaign-title]")).hasText("拨付测试" + tree.tag());
		String campaignUrl = page.url();

		// refused without a recipient: the typed amount and purpose stay
		page.locator("#transfer-amount").fill("1,200");
		page.locator("#purpose").fill("救灾物资");
		page.locator("[data-testid=transfer-form] button[type=submit]").click();
		assertThat(page.locator("#recipient")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
		assertThat(page.locator("#transfer-amount")).hasValue("1,200");
		assertThat(page.locator("#purpose")).hasValue("救灾物资");

		// recorded with its document
		byte[] document = ("%PDF-1.4\n拨付凭证 " + tree.tag() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		page.locator("#recipient").fill("灾区红十字会" + tree.tag());
		page.locator("#document").setInputFiles(new FilePayload("拨付凭证.pdf", "application/pdf", document));
		page.locator("[data-testid=transfer-form] button[type=submit]").click();
		assertThat(page.locator("[role=status]").first()).containsText("已登记拨付");
		assertThat(page.locator("[data-testid=transfers]")).containsText("灾区红十字会" + tree.tag());
		assertThat(page.locator("[data-testid=transfers]")).containsText("¥1,200.00");
		var link = page.locator("[data-testid=transfers] a[download]");
		assertThat(link).hasText("拨付凭证.pdf");

		// the document downloads as it was uploaded
		Download download = page.waitForDownload(link::click);
		assertThat(download.suggestedFilename()).isEqualTo("拨付凭证.pdf");
		assertThat(Files.readAllBytes(download.path())).isEqualTo(document);
		String href = link.getAttribute("href");
		assertThat(href).matches("/welfare/transfers/\\d+/document");

		// the neighbouring county's staff: not found, as a document that does not exist
		BrowserContext neighbourContext = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN"));
		Page neighbour = neighbourContext.newPage();
		neighbour.navigate(url("/login"));
		neighbour.locator("#username").fill(tree.account(tree.neighbourCounty(), Role.STAFF).getUsername());
		neighbour.locator("#password").fill(TestAccounts.PASSWORD);
		neighbour.locator("button[type=submit]").click();
		neighbour.waitForURL(u -> !u.contains("/login"));
		assertThat(neighbour.request().get(url(href)).status()).isEqualTo(404);
		assertThat(neighbour.request().get(url(campaignUrl.replace(url(""), ""))).status()).isEqualTo(404);
		neighbourContext.close();
	}

}
