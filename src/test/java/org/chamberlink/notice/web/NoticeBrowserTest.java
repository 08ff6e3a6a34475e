package org.chamberlink.notice.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.XlsxWriter;
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
 * Issue 20's "done when" for notices and data calls, in the browser: a county sends a notice to its
 * chambers, a chamber reads it on a 375 px phone and the county's receipt board shows it read; a
 * data call with an Excel template gets two replies, one is returned and resubmitted, and the merged
 * workbook holds both. The body is written in the rich-text editor (a heading, bold text, a list), which
 * the recipient reads formatted and a refused form keeps, on a phone as well.
 */
@IntegrationTest
class NoticeBrowserTest extends BrowserTest {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCountySendsANoticeAChamberReadsItOnAPhoneAndTheBoardShowsItRead() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		TestTree tree = fixture.tree("浏览通知");
		AccountPrincipal county = new TestAccounts(accountManagement).createIn(tree.county(), Role.STAFF);
		AccountPrincipal chamber = new TestAccounts(accountManagement).createIn(tree.chamber(), Role.CHAMBER_ADMIN);

		signIn(county.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/notices"));
		page.locator("[data-testid=new-notice]").click();
		page.locator("#title").fill("关于开展年度统计的通知");
		// the body in the rich-text editor: a heading, bold text and a list (the raw textarea is hidden behind it)
		writeFormattedBody(page);
		assertThat(page.locator("#toOrganizations")).isChecked();
		page.locator("[data-testid=send-notice]").click();
		assertThat(page.locator("[data-testid=notice-title]")).containsText("关于开展年度统计的通知");
		assertFormatted(page.locator("[data-testid=notice-body]"));
		assertThat(page.locator("[data-testid=notice-body] script")).hasCount(0);
		// the correction page loads the stored body into the same editor
		String detail = page.url();
		page.navigate(detail + "/edit");
		assertFormatted(page.locator("[data-testid=body-editor] .ql-editor"));
		page.navigate(detail);
		Locator chamberRow = page.locator("[data-testid=org-receipts] tr[data-org='" + tree.chamber() + "']");
		assertThat(chamberRow.locator("[data-testid=unread]")).isVisible();
		String board = page.url();
		screenshot("notice-board-unread");

		Page phone = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740)).newPage();
		try {
			phone.navigate(url("/login"));
			phone.locator("#username").fill(chamber.getUsername());
			phone.locator("#password").fill(TestAccounts.PASSWORD);
			phone.locator("button[type=submit]").click();
			phone.waitForURL(address -> !address.contains("/login"));
			phone.navigate(url("/notices/inbox"));
			Locator item = phone.locator("[data-testid=inbox] a").filter(new Locator.FilterOptions().setHasText("关于开展年度统计的通知"));
			assertThat(item).containsText("未读");
			noSidewaysScroll(phone, "/notices/inbox");
			phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "notice-inbox-375.png"))
				.setFullPage(true));
			item.click();
			assertThat(phone.locator("[data-testid=notice-title]")).hasText("关于开展年度统计的通知");
			assertThat(phone.locator("[data-testid=read-at]")).containsText("已读");
			// the recipient reads the formatting: the heading, <strong> and the <ul>
			assertFormatted(phone.locator("[data-testid=notice-body]"));
			noSidewaysScroll(phone, "/notices/inbox/{id}");
			phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots", "notice-read-375.png"))
				.setFullPage(true));
		}
		finally {
			phone.context().close();
		}

		page.navigate(board);
		assertThat(chamberRow.locator("[data-testid=read]")).containsText("已读");
		assertThat(chamberRow).containsText(chamber.displayName());
		assertThat(page.locator("[data-testid=org-read-rate]")).hasText("100.00 %");
		screenshot("notice-board-read");
	}

	@Test
	void aDataCallWithATemplateGetsTwoRepliesOneReturnedAndResubmittedAndTheMergedWorkbookHasBoth() throws Exception {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		TestTree tree = fixture.tree("浏览报送");
		long second = fixture.chamber("INDUSTRY", "长安区浏览报送二商会" + tree.tag(), "130102", tree.county());
		AccountPrincipal county = new TestAccounts(accountManagement).createIn(tree.county(), Role.STAFF);
		AccountPrincipal first = new TestAccounts(accountManagement).createIn(tree.chamber(), Role.STAFF);
		AccountPrincipal other = new TestAccounts(accountManagement).createIn(second, Role.STAFF);

		signIn(county.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/notices"));
		page.locator("[data-testid=new-data-call]").click();
		page.locator("#title").fill("2026 年会员发展情况报送");
		page.locator("[data-testid=body-editor] .ql-editor").fill("请下载模板填写后报送。");
		page.locator("#template").setInputFiles(new FilePayload("会员发展模板.xlsx", XLSX, workbook(List.of("指标", "数量"), List.of())));
		page.locator("[data-testid=send-notice]").click();
		assertThat(page.locator("[data-testid=notice-title]")).containsText("2026 年会员发展情况报送");
		assertThat(page.locator("[data-testid=count-NOT_STARTED]")).hasText("2");
		String notice = page.url();

		reply(first, "已按模板填写", workbook(List.of("指标", "数量"), List.of(List.of("新发展会员", "12"))), "第一商会.xlsx");
		reply(other, "请查收", workbook(List.of("指标", "数量"), List.of(List.of("新发展会员", "80"))), "第二商会.xlsx");

		page.navigate(notice);
		page.locator("[data-testid=replies-board]").click();
		assertThat(page.locator("[data-testid=count-SUBMITTED]")).hasText("2");
		Locator otherRow = page.locator("[data-testid=replies] tr[data-org='" + second + "']");
		otherRow.locator("[data-testid=return-reply]").click();
		assertThat(otherRow.locator("[data-field-error=reason]")).containsText("请填写退回原因");
		otherRow.locator("input[name=reason]").fill("数量与上月台账不符，请核对");
		otherRow.locator("[data-testid=return-reply]").click();
		assertThat(page.locator("[data-testid=count-RETURNED]")).hasText("1");
		assertThat(otherRow.locator("[data-testid=reply-status]")).hasText("退回修改");
		screenshot("notice-data-call-returned");

		reply(other, "已核对更正", workbook(List.of("指标", "数量"), List.of(List.of("新发展会员", "8"))), "第二商会更正.xlsx");

		page.reload();
		assertThat(page.locator("[data-testid=count-SUBMITTED]")).hasText("2");
		assertThat(otherRow).containsText("第 2 次报送");
		screenshot("notice-data-call-board");
		Download download = page.waitForDownload(() -> page.locator("[data-testid=replies-merged]").click());
		List<List<String>> rows = read(Files.readAllBytes(download.path()));
		assertThat(rows.get(0)).containsExactly("单位名称", "指标", "数量");
		assertThat(rows.subList(1, rows.size())).containsExactlyInAnyOrder(List.of("长安区浏览报送商会" + tree.tag(), "新发展会员", "12"),
				List.of("长安区浏览报送二商会" + tree.tag(), "新发展会员", "8"));
		Download zip = page.waitForDownload(() -> page.locator("[data-testid=replies-zip]").click());
		assertThat(Files.size(zip.path())).isPositive();
	}

	/** The organisation's account replies (or replies again) on a phone, uploading its filled-in workbook. */
	private void reply(AccountPrincipal account, String text, byte[] workbook, String fileName) {
		Page phone = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740)).newPage();
		try {
			phone.navigate(url("/login"));
			phone.locator("#username").fill(account.getUsername());
			phone.locator("#password").fill(TestAccounts.PASSWORD);
			phone.locator("button[type=submit]").click();
			phone.waitForURL(address -> !address.contains("/login"));
			phone.navigate(url("/notices/inbox"));
			phone.locator("[data-testid=inbox] a").filter(new Locator.FilterOptions().setHasText("2026 年会员发展情况报送")).click();
			assertThat(phone.locator("[data-testid=notice-files]")).containsText("会员发展模板.xlsx");
			phone.locator("#text").fill(text);
			phone.locator("#files").setInputFiles(new FilePayload(fileName, XLSX, workbook));
			noSidewaysScroll(phone, "the reply form");
			phone.locator("[data-testid=submit-reply]").click();
			assertThat(phone.locator("[role=status]")).containsText("已报送");
			assertThat(phone.locator("[data-testid=reply-card] [data-testid=reply-status]")).hasText("已报送");
		}
		finally {
			phone.context().close();
		}
	}

	@Test
	void onAPhoneARefusedNoticeKeepsItsFormattedBodyInTheEditor() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		TestTree tree = fixture.tree("富文本通知");
		AccountPrincipal county = new TestAccounts(accountManagement).createIn(tree.county(), Role.STAFF);
		phone();
		signIn(county.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/notices"));
		page.locator("[data-testid=new-notice]").click();
		// the editor and its toolbar fit the phone: the toolbar wraps, nothing scrolls sideways; the textarea is hidden
		assertThat(page.locator("[data-testid=body-toolbar]")).isVisible();
		assertThat(page.locator("#bodyHtml")).isHidden();
		noSidewaysScroll(page, "/notices/new");
		page.locator("#title").fill(" ");
		writeFormattedBody(page);
		screenshot("notice-editor-375");
		page.locator("[data-testid=send-notice]").click();
		// refused (no title): the form comes back with the message and the body, formatted, in the editor
		assertThat(page.locator("[data-field-error=title]")).containsText("请填写标题");
		assertFormatted(page.locator("[data-testid=body-editor] .ql-editor"));
		noSidewaysScroll(page, "/notices/new refused");
		page.locator("#title").fill("富文本通知");
		page.locator("[data-testid=send-notice]").click();
		assertThat(page.locator("[data-testid=notice-title]")).containsText("富文本通知");
		assertFormatted(page.locator("[data-testid=notice-body]"));
	}

	/** Types into the notice editor with its toolbar: a heading, a sentence with bold words, a list of two items. */
	private static void writeFormattedBody(Page page) {
		Locator toolbar = page.locator("[data-testid=body-toolbar]");
		page.locator("[data-testid=body-editor] .ql-editor").click();
		toolbar.locator(".ql-header .ql-picker-label").click();
		toolbar.locator(".ql-header .ql-picker-item[data-value='2']").click();
		page.keyboard().type("年度统计安排");
		page.keyboard().press("Enter");
		page.keyboard().type("请各商会于本月底前完成");
		toolbar.locator(".ql-bold").click();
		page.keyboard().type("年度统计");
		toolbar.locator(".ql-bold").click();
		page.keyboard().type("。");
		page.keyboard().press("Enter");
		toolbar.locator(".ql-list[value=bullet]").click();
		page.keyboard().type("会员数量");
		page.keyboard().press("Enter");
		page.keyboard().type("活动场次");
	}

	private static void assertFormatted(Locator body) {
		assertThat(body.locator("h2")).hasText("年度统计安排");
		assertThat(body.locator("strong")).hasText("年度统计");
		assertThat(body.locator("ul li")).hasText(new String[] { "会员数量", "活动场次" });
	}

	private static byte[] workbook(List<String> headers, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.open(out, "Sheet1", headers)) {
			rows.forEach(writer::row);
		}
		return out.toByteArray();
	}

	private static List<List<String>> read(byte[] bytes) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
				rows.add(cells);
			}
		}
		return rows;
	}

	private static void noSidewaysScroll(Page page, String what) {
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as(what + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
	}

}
