package org.chamberlink.report;

import java.time.LocalDate;

import com.microsoft.playwright.Download;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

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
 * The "done when" for the statistical return, as the people do it: a chamber, on a phone,
 * opens its return, sees the pre-filled cells and the records behind one, types its staff, is
 * stopped by the parts-sum check, fixes it and submits; the county returns it once, then accepts
 * it; the county's own return consolidates it. Screenshots in target/screenshots.
 */
@IntegrationTest
class ReportBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChamberReturnGoesUpToTheCountyAndIntoItsReturn() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("年报浏览");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		MemberFixture.enterprise(port, token, tree.chamber(), "年报浏览企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		MemberFixture.person(port, token, tree.chamber(), "年报浏览会员", MemberFixture.identityNumber(), MemberFixture.phone());
		AccountPrincipal chamber = tree.account(tree.chamber(), Role.CHAMBER_ADMIN);
		AccountPrincipal county = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		int year = LocalDate.now(ChinaTime.ZONE).getYear();

		// the chamber, on a phone, opens its return: pre-filled from its records
		as(chamber);
		phone();
		page.navigate(url("/reports?year=" + year));
		page.locator("[data-testid=open-return] button").click();
		assertThat(page.locator("[data-testid=return-status]")).hasText("填报中");
		String returnUrl = page.url();
		assertThat(page.locator("[name='cell.mem.total']")).hasValue("2");
		assertThat(page.locator("[name='cell.org.chambers']")).hasValue("1");
		// the records behind the member count
		page.locator("[data-cell='mem.total'] [data-testid=records-behind]").click();
		assertThat(page.locator("[data-testid=behind-title]")).containsText("会员总数");
		assertThat(page.locator("[data-testid=behind-total]")).hasText("2");
		assertThat(page.locator("[data-testid=module-page]")).hasAttribute("href",
				java.util.regex.Pattern.compile("/figures/members\\?org=" + tree.chamber()));
		page.navigate(returnUrl);

		// the staff: the parts do not add up, the save is refused naming the cell, the typed values kept
		page.locator("[name='cell.org.staff']").fill("5");
		page.locator("[name='cell.org.staffFullTime']").fill("3");
		page.locator("[name='cell.org.staffPartTime']").fill("3");
		page.locator("[name='cell.org.staffGovFunded']").fill("1");
		page.locator("[name='cell.org.fiveHas']").fill("1");
		page.locator("[name='cell.mem.joined']").fill("2");
		page.locator("[name='cell.mem.left']").fill("0");
		page.locator("[data-testid=save]").click();
		assertThat(page.locator("[data-testid=form-errors]").first()).containsText("工作人员（5）与其分项之和（6）不一致");
		assertThat(page.locator("[name='cell.org.staffPartTime']")).hasValue("3");
		assertThat(page.locator("[name='cell.org.staffGovFunded']")).hasValue("1");
		screenshot("375-report-parts-sum");
		assertThat(overflow()).as("the return scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		page.locator("[name='cell.org.staffPartTime']").fill("2");
		page.locator("[data-testid=save]").click();
		assertThat(page.locator("[data-testid=findings-none]")).isVisible();
		page.locator("[data-testid=submit]").click();
		assertThat(page.locator("[data-testid=return-status]")).hasText("已报送");

		// the county returns it once
		as(county);
		page.setViewportSize(1280, 860);
		page.navigate(url("/reports?year=" + year));
		assertThat(page.locator("[data-testid=report-board]")).containsText("已报送");
		page.locator("[data-testid=report-board] a").first().click();
		page.locator("#reason").fill("财政供养人数请核实");
		page.locator("[data-testid=return]").click();
		assertThat(page.locator("[data-testid=return-status]")).hasText("已退回");

		as(chamber);
		page.navigate(returnUrl);
		assertThat(page.locator("[data-testid=return-reason]")).containsText("财政供养人数请核实");
		page.locator("[name='cell.org.staffGovFunded']").fill("2");
		page.locator("[data-testid=save]").click();
		page.locator("[data-testid=submit]").click();
		assertThat(page.locator("[data-testid=return-status]")).hasText("已报送");

		// then accepts it: a locked snapshot
		as(county);
		page.navigate(returnUrl);
		page.locator("[data-testid=accept]").click();
		assertThat(page.locator("[data-testid=return-status]")).hasText("已接收");
		assertThat(page.locator("[data-testid=snapshot]")).isVisible();

		// the county's own return includes it
		page.navigate(url("/reports?year=" + year));
		assertThat(page.locator("[data-testid=report-board]")).containsText("已接收");
		page.locator("[data-testid=open-return] button").click();
		assertThat(page.locator("[name='cell.org.chambers']")).hasValue("1");
		assertThat(page.locator("[name='cell.mem.total']")).hasValue("2");
		assertThat(page.locator("[name='cell.org.staff']")).hasValue("5");
		assertThat(page.locator("[name='cell.org.staffGovFunded']")).hasValue("2");
		page.locator("[data-cell='mem.total'] [data-testid=records-behind]").click();
		assertThat(page.locator("[data-testid=behind-returns]")).containsText("长安区年报浏览商会");
		screenshot("report-county-consolidated");

		// the county writes its achievements and generates its annual report: the .docx carries the
		// consolidated figures and the words, and converts to PDF
		page.goBack();
		page.locator("[data-testid=work-report]").click();
		page.locator("#achievements").fill("全区新建基层商会 1 个。");
		page.locator("[data-testid=save-sections]").click();
		assertThat(page.locator("#achievements")).hasValue("全区新建基层商会 1 个。");
		Download docx = page.waitForDownload(() -> page.locator("[data-testid=work-report-docx]").click());
		try (XWPFDocument document = new XWPFDocument(java.nio.file.Files.newInputStream(docx.path()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			assertThat(extractor.getText()).contains("全区已建基层商会1个", "会员共2个", "全区新建基层商会 1 个。", tree.countyName());
			assertThat(document.getAllPictures()).hasSize(3);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		Download pdf = page.waitForDownload(() -> page.locator("[data-testid=work-report-pdf]").click());
		assertThat(WorkReportTest.pdfDraws(readAll(pdf), "会员共2个")).isTrue();
		screenshot("report-county-work-report");
	}

	private static byte[] readAll(Download download) {
		try {
			return java.nio.file.Files.readAllBytes(download.path());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private void as(AccountPrincipal account) {
		context.clearCookies();
		signIn(account.getUsername(), TestAccounts.PASSWORD);
		assertThat(page.locator("main")).isVisible();
	}

	private int overflow() {
		return ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}

}
