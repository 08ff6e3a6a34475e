package org.chamberlink.casework;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
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
 * The closed loop in the browser: a member files a complaint on a phone; the chamber accepts it
 * and hands it to the county; the county takes it and resolves it with the money recovered; the
 * member rates it; the county's figures show it. And a mediation from filing to an agreement
 * with its signed document.
 */
@IntegrationTest
class CaseworkBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	/** The second and third users' windows, closed after each test. */
	final java.util.List<BrowserContext> others = new java.util.ArrayList<>();

	@org.junit.jupiter.api.AfterEach
	void closeOthers() {
		others.forEach(BrowserContext::close);
		others.clear();
	}

	@Test
	void aComplaintFiledOnAPhoneIsTransferredResolvedRatedAndCounted() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "维权浏览器测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "新华区工商联", "130105", province);
		long chamber = fixture.chamber("INDUSTRY", "新华区建材商会", "130105", county);
		String token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, token, chamber, "刘建华", MemberFixture.identityNumber(), MemberFixture.phone());
		AccountPrincipal member = CaseFixture.memberAccount(accountManagement, jdbc, person);
		AccountPrincipal secretary = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		AccountPrincipal cadre = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);

		// the member, on a phone: a missing title is named, then the complaint goes in
		phone();
		signIn(member.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/portal/cases"));
		page.locator("[data-testid=portal-new-complaint]").click();
		page.locator("#category").selectOption("ARBITRARY_CHARGES");
		page.locator("#description").fill("区里检查消防时收取“咨询费”5,000 元，不开票据。");
		page.locator("[data-testid=portal-submit]").click();
		assertThat(page.locator("[data-testid=case-form] [data-field-error=title]")).containsText("标题：请填写");
		page.locator("#title").fill("消防检查收取咨询费");
		page.locator("#respondentName").fill("某消防咨询服务部");
		page.locator("#amountInvolved").fill("5000");
		page.locator("[data-testid=portal-submit]").click();
		assertThat(page.locator("[data-testid=case-state]")).containsText("待受理");
		String memberCase = page.url();
		screenshot("casework-member-filed");

		// the chamber accepts it and hands it to the county
		Page staff = open(secretary);
		staff.navigate(url("/cases"));
		staff.locator("[data-testid=cases] a", new Page.LocatorOptions().setHasText("TS")).first().click();
		assertThat(staff.locator("[data-testid=case-title]")).containsText("消防检查收取咨询费");
		staff.locator("[data-testid=accept-case]").click();
		assertThat(staff.locator("[data-testid=case-state]")).containsText("已受理");
		pick(staff, "toOrgId", "新华区工商联", "新华区工商联");
		staff.locator("[data-testid=transfer-form] input[name=reason]").fill("涉及消防部门，请区工商联协调");
		staff.locator("[data-testid=transfer-case]").click();
		assertThat(staff.locator("[data-testid=transfer-pending]")).containsText("新华区工商联");

		// the county takes it, and resolves it with the amount recovered
		Page countyPage = open(cadre);
		countyPage.navigate(url("/cases"));
		countyPage.locator("[data-testid=offered-list]").click();
		countyPage.locator("[data-testid=cases] a", new Page.LocatorOptions().setHasText("TS")).first().click();
		countyPage.locator("[data-testid=accept-transfer]").click();
		assertThat(countyPage.locator("[data-testid=case-org]")).hasText("新华区工商联");
		countyPage.locator("#outcome").fill("经协调，咨询服务部退还全部费用。");
		countyPage.locator("#amountRecovered").fill("5000");
		countyPage.locator("[data-testid=resolve-case]").click();
		assertThat(countyPage.locator("[data-testid=case-state]")).containsText("已办结");
		assertThat(countyPage.locator("[data-testid=case-recovered]")).hasText("¥5,000.00");
		assertThat(countyPage.locator("[data-testid=trail]")).containsText("接收移交");

		// the member sees the trail and rates the outcome
		page.navigate(memberCase);
		// the member sees the county take it over, not the staff's internal offers and notes
		assertThat(page.locator("[data-testid=trail]")).containsText("接收移交");
		assertThat(page.locator("[data-testid=trail]")).not().containsText("涉及消防部门");
		assertThat(page.locator("[data-testid=case-recovered]")).hasText("¥5,000.00");
		page.locator("[data-testid=rating-form] label", new Page.LocatorOptions().setHasText("4 分")).click();
		page.locator("[data-testid=rating-form] textarea").fill("处理及时");
		page.locator("[data-testid=rate-case]").click();
		assertThat(page.locator("[data-testid=case-rating]")).containsText("4 分");
		assertThat(page.locator("[data-testid=rating-form]")).hasCount(0);
		screenshot("casework-member-rated");

		// the county's figures count it
		countyPage.navigate(url("/figures/cases"));
		assertThat(countyPage.locator("[data-testid=figure-recovered]")).hasText("¥5,000.00");
		assertThat(countyPage.locator("[data-testid=figure-satisfaction]")).hasText("100.00 %");
		assertThat(countyPage.locator("[data-testid=figure-transfers]")).hasText("1");
		// the card counts kinds, the chart categories of a kind: the two never read as the same thing
		assertThat(countyPage.locator("main")).containsText("维权投诉（含咨询）1 件");
		assertThat(countyPage.locator("[data-chart=bar]").first()).hasAttribute("data-labels",
				java.util.regex.Pattern.compile("维权投诉·"));
		countyPage.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots",
				"casework-county-figures.png")).setFullPage(true));
	}

	@Test
	void aMediationGoesFromFilingToAnAgreementWithItsDocument() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "调解浏览器测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "桥西区工商联", "130104", province);
		long chamber = fixture.chamber("INDUSTRY", "桥西区物流商会", "130104", county);
		AccountPrincipal secretary = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		signIn(secretary.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/cases/new?kind=MEDIATION"));
		page.locator("#category").selectOption("CONTRACT");
		page.locator("#title").fill("运输合同纠纷");
		page.locator("#description").fill("货物延误交付，双方对违约金有争议。");
		page.locator("#applicantName").fill("石家庄顺达物流有限公司");
		page.locator("#mRespondentName").fill("石家庄恒通商贸有限公司");
		page.locator("#amountInDispute").fill("120000");
		page.locator("[data-testid=file-case]").click();
		assertThat(page.locator("[data-testid=case-state]")).containsText("待受理");
		page.locator("[data-testid=accept-case]").click();
		page.locator("#place").fill("商会调解室");
		page.locator("#sessionMediators").fill("赵律师、钱会长");
		page.locator("#notes").fill("双方同意按实际延误天数计算违约金。");
		page.locator("[data-testid=record-session]").click();
		assertThat(page.locator("[data-testid=case-state]")).containsText("办理中");
		assertThat(page.locator("[data-testid=sessions]")).containsText("赵律师、钱会长");
		// an agreement without its signed document is refused, then given with it
		page.locator("#outcome").fill("达成调解协议");
		page.locator("#agreementTerms").fill("恒通商贸支付违约金 36,000 元，十日内付清。");
		page.locator("[data-testid=resolve-case]").click();
		assertThat(page.locator("[data-testid=resolve-form] [data-field-error=agreement]")).containsText("请上传签署的调解协议书");
		// what was typed is still there; only the file is chosen again
		assertThat(page.locator("#outcome")).hasValue("达成调解协议");
		assertThat(page.locator("#agreementTerms")).hasValue("恒通商贸支付违约金 36,000 元，十日内付清。");
		page.locator("#agreement").setInputFiles(new FilePayload("调解协议书.pdf", "application/pdf",
				"%PDF-1.4 调解协议书".getBytes(StandardCharsets.UTF_8)));
		page.locator("[data-testid=resolve-case]").click();
		assertThat(page.locator("[data-testid=case-state]")).containsText("已办结");
		assertThat(page.locator("[data-testid=mediation-result]")).hasText("达成协议");
		Locator document = page.locator("[data-testid=attachments] a", new Page.LocatorOptions().setHasText("调解协议书.pdf"));
		assertThat(document).hasCount(1);
		screenshot("casework-mediation-agreement");
		page.navigate(url("/figures/cases"));
		assertThat(page.locator("[data-testid=figure-mediation]")).hasText("100.00 %");
	}

	@Test
	void aSecretaryOnAPhoneSeesARefusedStepOnItsFieldWithWhatTheyTyped() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("步骤手机");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, token, tree.chamber(), "孙立平", MemberFixture.identityNumber(),
				MemberFixture.phone());
		var filed = org.chamberlink.support.Api.post(port, "/api/v1/cases", token,
				CaseFixture.complaintJson(tree.chamber(), person, "5000"));
		long id = CaseFixture.caseId(filed.body());
		org.chamberlink.support.Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}");
		AccountPrincipal secretary = tree.account(tree.chamber(), Role.CHAMBER_ADMIN);

		phone();
		signIn(secretary.getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/cases/" + id));
		page.locator("#outcome").fill("经协调，检测费已退还一半。");
		page.locator("#amountRecovered").fill("两千五");
		page.locator("[data-testid=resolve-case]").click();
		Locator message = page.locator("[data-testid=resolve-form] [data-field-error=amountRecovered]");
		assertThat(message).containsText("挽回经济损失：请填写不小于 0 的金额");
		assertThat(page.locator("[data-testid=resolve-form] [data-testid=form-errors]")).containsText("挽回经济损失");
		assertThat(page.locator("#amountRecovered")).hasValue("两千五");
		assertThat(page.locator("#amountRecovered")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
		assertThat(page.locator("#outcome")).hasValue("经协调，检测费已退还一半。");
		assertThat(page.locator("[data-testid=case-state]")).containsText("已受理");
		// the page comes back scrolled to the refused form, the cursor in the field to fix
		assertThat(message).isInViewport();
		assertThat(page.locator("#amountRecovered")).isFocused();
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots",
				"casework-step-refused-phone.png")));

		// corrected, the step goes through and the page is the case again
		page.locator("#amountRecovered").fill("2500");
		page.locator("[data-testid=resolve-case]").click();
		assertThat(page.locator("[data-testid=case-state]")).containsText("已办结");
		assertThat(page.locator("[data-testid=case-recovered]")).hasText("¥2,500.00");
		assertThat(page).hasURL(url("/cases/" + id));
	}

	private Page open(AccountPrincipal account) {
		BrowserContext other = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 860));
		others.add(other);
		Page opened = other.newPage();
		opened.setDefaultTimeout(15_000);
		opened.navigate(url("/login"));
		opened.locator("#username").fill(account.getUsername());
		opened.locator("#password").fill(TestAccounts.PASSWORD);
		opened.locator("button[type=submit]").click();
		opened.waitForURL(url("/"));
		return opened;
	}

}
