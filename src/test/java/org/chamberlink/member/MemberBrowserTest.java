package org.chamberlink.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.MemberWorkbooks;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member flows in Chromium: staff import a 200-row file with three bad rows (error file,
 * fix, import), filter the list and export it; an application goes from the public page to an
 * approved member; a member signs in on a 375 px screen and sees their memberships.
 */
@IntegrationTest
@Tag("browser")
class MemberBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	OrganizationFixture fixture;

	long chamber;

	@BeforeEach
	void chamber() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "会员浏览器测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "新华区工商联", "130105", province);
		chamber = fixture.chamber("INDUSTRY", "新华区商贸流通商会", "130105", county);
	}

	@Test
	void staffImportAFileWithThreeBadRowsFixItFilterTheListAndExportIt() throws Exception {
		var staff = new TestAccounts(accountManagement).createIn(chamber, Role.STAFF);
		signIn(staff.getUsername(), TestAccounts.PASSWORD);
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			rows.add(i % 10 == 9 ? MemberWorkbooks.person("会员" + i, MemberFixture.identityNumber(), MemberFixture.phone())
					: MemberWorkbooks.enterprise("新华商贸" + i + "有限公司", MemberFixture.creditCode(), MemberFixture.phone()));
		}
		List<List<Object>> broken = new ArrayList<>(rows);
		broken.set(10, with(rows.get(10), 2, "91130105MA00000000"));
		broken.set(50, with(rows.get(50), 13, "1380000"));
		broken.set(120, with(rows.get(120), 16, "名誉会长"));

		page.navigate(url("/members"));
		page.getByText("Excel 导入").click();
		upload(broken, "会员名单.xlsx");
		assertThat(page.locator("[data-testid=job-status]")).hasText("已完成");
		assertThat(page.locator("[data-testid=job-message]")).containsText("其中 3 行有误，整个文件均未导入");
		screenshot("40-member-import-errors");
		Download report = page.waitForDownload(() -> page.locator("[data-testid=job-file]").click());
		List<Map<Integer, String>> errors = MemberWorkbooks.read(Files.readAllBytes(report.path()));
		assertThat(errors).hasSize(200);
		assertThat(errors.get(10).get(18)).contains("统一社会信用代码");
		assertThat(errors.get(50).get(18)).contains("手机号码");
		assertThat(errors.get(120).get(18)).contains("名誉会长");
		assertThat(errors.stream().filter(row -> row.get(18) != null).count()).isEqualTo(3);

		page.getByText("再导入一个文件").click();
		upload(rows, "会员名单-已修改.xlsx");
		assertThat(page.locator("[data-testid=job-status]")).hasText("已完成");
		assertThat(page.locator("[data-testid=job-message]")).containsText("新增会员 200 个");

		page.navigate(url("/members"));
		assertThat(page.locator("[data-testid=member-total]")).hasText("共 200 条会籍");
		page.locator("#kind").selectOption("PERSON");
		page.locator("[data-testid=member-filter] button[type=submit]").click();
		assertThat(page.locator("[data-testid=member-total]")).hasText("共 20 条会籍");
		assertThat(page.locator("[data-testid=member-table]")).containsText("会员19");
		screenshot("41-member-list-filtered");
		Download export = page.waitForDownload(() -> page.locator("[data-testid=export]").click());
		List<Map<Integer, String>> exported = MemberWorkbooks.read(Files.readAllBytes(export.path()));
		assertThat(exported).hasSize(20);
		assertThat(exported).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("个人会员"));
		assertThat(exported.get(0).get(6)).matches("139\\*{4}\\d{4}");
		// the file says so itself, on its notes sheet, and the page beside the button
		assertThat(MemberWorkbooks.read(Files.readAllBytes(export.path()), 1).get(0).get(0)).contains("共 20 行",
				"手机号码已隐去中间四位");
	}

	@Test
	void anApplicationFromThePublicPageBecomesAnApprovedMember() {
		phone();
		page.navigate(url("/join/" + chamber));
		assertThat(page.locator("[data-testid=join-org]")).hasText("新华区商贸流通商会");
		page.locator("#name").fill("老城根烧饼铺");
		page.locator("#creditCode").fill("123");
		page.locator("#phone").fill(MemberFixture.phone());
		page.locator("[data-testid=join-form] button[type=submit]").click();
		assertThat(page.locator("#creditCode + .invalid-feedback")).containsText("统一社会信用代码不正确");
		page.locator("#creditCode").fill(MemberFixture.creditCode());
		page.locator("#enterpriseKind").selectOption("INDIVIDUAL_BUSINESS");
		page.locator("[data-testid=join-form] button[type=submit]").click();
		assertThat(page.locator("[data-testid=join-status]")).hasText("待审核");
		String statusPage = page.url();
		screenshot("42-join-submitted-phone");

		var secretary = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		BrowserContext staffContext = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setLocale("zh-CN").setViewportSize(1280, 860));
		Page staff = staffContext.newPage();
		staff.navigate(url("/login"));
		staff.locator("#username").fill(secretary.getUsername());
		staff.locator("#password").fill(TestAccounts.PASSWORD);
		staff.locator("button[type=submit]").click();
		staff.navigate(url("/members/applications"));
		staff.locator("[data-testid=applications]").getByText("老城根烧饼铺").click();
		staff.locator("[data-testid=approve-form] button[type=submit]").click();
		assertThat(staff.locator("[data-testid=party-name]")).hasText("老城根烧饼铺");
		assertThat(staff.locator("[data-testid=memberships]")).containsText("新华区商贸流通商会");
		staffContext.close();

		page.navigate(statusPage);
		assertThat(page.locator("[data-testid=join-status]")).hasText("已通过，欢迎入会");
	}

	@Test
	void aMemberSignsInOnAPhoneAndSeesTheirMemberships() {
		String token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String phone = MemberFixture.phone();
		long person = MemberFixture.person(port, token, chamber, "郑红梅", MemberFixture.identityNumber(), phone);
		var secretary = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		WebSession web = WebSession.signedIn(port, secretary.getUsername(), TestAccounts.PASSWORD);
		String detail = web.get(web.location(web.postForm("/members/" + person + "/login", Map.of()))).body();
		Matcher password = Pattern.compile("初始密码 (\\S+)（").matcher(detail);
		assertThat(password.find()).isTrue();

		phone();
		signInFirstTime(phone, password.group(1), "Hongmei-2026-pass");
		page.navigate(url("/"));
		assertThat(page.locator("[data-testid=own-memberships]")).containsText("新华区商贸流通商会");
		assertThat(page.locator("[data-testid=own-memberships]")).containsText("副会长");
		screenshot("43-member-portal-phone");
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
	}

	private void upload(List<List<Object>> rows, String name) throws Exception {
		Path file = Files.createTempDirectory("members").resolve(name);
		Files.write(file, MemberWorkbooks.xlsx(rows));
		page.locator("#file").setInputFiles(file);
		page.locator("[data-testid=import-form] button[type=submit]").click();
	}

	private static List<Object> with(List<Object> row, int column, Object value) {
		List<Object> copy = new ArrayList<>(row);
		copy.set(column, value);
		return copy;
	}

}
