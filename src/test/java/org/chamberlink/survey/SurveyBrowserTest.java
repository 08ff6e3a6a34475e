package org.chamberlink.survey;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county's staff create seed 002's anonymous 公认度和满意度测评 from the preset and publish it;
 * three members of a chamber answer it on 375 px phones (the first leaves a required question blank
 * and is told so, what they chose kept); the results page shows the counts, and the chamber's
 * breakdown cell — three answers, fewer than five — is hidden.
 */
@IntegrationTest
class SurveyBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Surveys surveys;

	@Test
	void threeMembersAnswerAnAnonymousSatisfactionSurveyOnPhonesAndTheSmallBreakdownIsHidden() {
		SurveyScene scene = new SurveyScene(port, accounts, tokens, jdbc, surveys, "满意度测评");
		List<AccountPrincipal> members = List.of(scene.member(scene.tree.chamber(), "赵会员"),
				scene.member(scene.tree.chamber(), "钱会员"), scene.member(scene.tree.chamber(), "孙会员"));

		signIn(scene.staff.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/surveys"));
		page.locator("[data-testid=survey-preset] button[type=submit]").click();
		assertThat(page.locator("[data-testid=survey-title]")).hasText(scene.tree.countyName() + "公认度和满意度测评");
		assertThat(page.locator("[data-testid=survey-anonymous]")).hasText("匿名");
		assertThat(page.locator("[data-testid=survey-question]")).hasCount(6);
		page.locator("[data-testid=survey-publish]").click();
		assertThat(page.locator("[role=status]")).containsText("问卷已发布");
		assertThat(page.locator("[data-testid=survey-phase]")).hasText("进行中");
		String survey = page.url().replaceAll(".*/surveys/(\\d+).*", "$1");

		int[] ratings = { 5, 4, 2 };
		for (int i = 0; i < members.size(); i++) {
			Page phone = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740)).newPage();
			try {
				phone.navigate(url("/login"));
				phone.locator("#username").fill(members.get(i).getUsername());
				phone.locator("#password").fill(TestAccounts.PASSWORD);
				phone.locator("button[type=submit]").click();
				phone.waitForURL(address -> !address.contains("/login"));
				phone.navigate(url("/portal/surveys"));
				phone.locator("[data-testid=survey-card] [data-testid=survey-title]").filter(
						new com.microsoft.playwright.Locator.FilterOptions().setHasText("公认度和满意度测评")).click();
				assertThat(phone.locator("[data-testid=survey-anonymous-note]")).containsText("匿名作答");
				var questions = phone.locator("[data-testid=survey-question]");
				questions.nth(0).locator("label.rating-choice").nth(ratings[i] - 1).click();
				questions.nth(1).locator("label.rating-choice").nth(3).click();
				if (i == 0) {
					// the third rating is required: left blank, the member is told so and keeps what they chose
					phone.locator("[data-testid=survey-submit]").click();
					assertThat(phone.locator("[data-field-error=" + field(phone, 2) + "]")).hasText("第 3 题为必答题，请作答");
					assertThat(questions.nth(0).locator("input[value='" + ratings[i] + "']")).isChecked();
					screenshot(phone, "survey-answer-refused-375");
				}
				questions.nth(2).locator("label.rating-choice").nth(4).click();
				questions.nth(3).locator("label.form-check").nth(0).click();
				questions.nth(4).locator("label.form-check").nth(1).click();
				questions.nth(5).locator("textarea").fill("希望多办政策解读会" + i);
				assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
					.as("the survey scrolls sideways at 375 px").isLessThanOrEqualTo(0);
				if (i == 0) {
					screenshot(phone, "survey-answer-375");
				}
				phone.locator("[data-testid=survey-submit]").click();
				assertThat(phone.locator("[role=status]")).containsText("提交成功");
				assertThat(phone.locator("[data-testid=survey-card]").filter(new com.microsoft.playwright.Locator.FilterOptions()
					.setHasText("公认度和满意度测评")).locator("[data-testid=survey-answered]")).hasText("已提交");
				// a second visit: answered, no form
				phone.navigate(url("/portal/surveys/" + survey));
				assertThat(phone.locator("[data-testid=survey-done]")).isVisible();
				assertThat(phone.locator("[data-testid=survey-submit]")).hasCount(0);
			}
			finally {
				phone.context().close();
			}
		}

		page.navigate(url("/surveys/" + survey + "/results"));
		assertThat(page.locator("[data-testid=survey-responses]")).hasText("3");
		var overall = page.locator("[data-testid=question-result]").nth(0);
		assertThat(overall.locator("[data-testid=question-answered]")).hasText("3 人作答");
		assertThat(overall.locator("[data-testid=question-average]")).hasText("平均 3.66 分");
		assertThat(overall.locator("[data-testid=question-counts] [data-testid=count]")).hasText(new String[] { "0", "1", "0", "1", "1" });
		assertThat(overall.locator(".chart canvas, .chart svg").first()).isVisible();
		// the chamber answered three times: its cell says so, and shows no figures
		var row = overall.locator("[data-testid=breakdown-row]");
		assertThat(row).hasCount(1);
		assertThat(row).containsText("长安区满意度测评商会");
		assertThat(row.locator("[data-testid=breakdown-hidden]")).hasText("不足 5 份，不单独显示");
		assertThat(page.locator("[data-testid=question-texts] li")).hasCount(3);
		screenshot("survey-results");
		phone();
		page.reload();
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as("the results scroll sideways at 375 px").isLessThanOrEqualTo(0);
		screenshot("survey-results-375");
	}

	/** The field name (q<id>) of the n-th question on the answer page. */
	private static String field(Page phone, int n) {
		return (String) phone.locator("[data-testid=survey-question]").nth(n).locator("input").first().getAttribute("name");
	}

	private static void screenshot(Page phone, String name) {
		phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png")).setFullPage(true));
	}

}
