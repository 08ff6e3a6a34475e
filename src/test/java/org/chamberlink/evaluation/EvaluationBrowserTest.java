package org.chamberlink.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when", as the people do it: a county opens a 四好 campaign; the chamber, on a
 * phone, sees its indicators measured with links to the records, adds evidence and submits; the
 * county returns it once, then scores, passes and recommends it; after the county's public notice
 * the city scores and passes it; after the city's notice the chamber's honours show the city-level
 * recognition. Screenshots in target/screenshots.
 */
@IntegrationTest
class EvaluationBrowserTest extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChamberIsRecognisedAtCountyThenCityLevel() throws Exception {
		EvaluationScene scene = EvaluationScene.plant(beans, port, "评比浏览");
		OrganizationFixture fixture = scene.fixture();
		AccountPrincipal county = fixture.account(scene.county(), Role.FEDERATION_ADMIN);
		AccountPrincipal chamber = fixture.account(scene.chamber(), Role.CHAMBER_ADMIN);
		AccountPrincipal city = fixture.account(scene.city(), Role.FEDERATION_ADMIN);

		// the county opens a 四好 campaign
		as(county);
		page.navigate(url("/evaluations"));
		page.locator("[data-testid=new-campaign]").click();
		page.locator("#schemeId").selectOption(new SelectOption().setLabel("四好商会"));
		page.locator("#title").fill("长安区四好商会评选" + scene.tag());
		page.locator("[data-testid=open-campaign]").click();
		assertThat(page.locator("[data-testid=campaign-title]")).hasText("长安区四好商会评选" + scene.tag());
		String campaignUrl = page.url();

		// the chamber, on a phone: indicators with their records, evidence, submission
		as(chamber);
		phone();
		page.navigate(campaignUrl);
		page.locator("[data-testid=start-evaluation]").click();
		assertThat(page.locator("[data-testid=indicator-REGISTERED]")).containsText("已在民政部门登记");
		assertThat(page.locator("[data-testid=indicator-REGISTERED] a")).hasAttribute("href", "/organizations/" + scene.chamber());
		assertThat(page.locator("[data-testid=indicator-DUES_RATE] a")).hasAttribute("href",
				java.util.regex.Pattern.compile("/figures/dues\\?org=" + scene.chamber()));
		assertThat(page.locator("[data-testid=indicator-CASES]")).containsText("满意率");
		String evaluationUrl = page.url();
		Locator education = page.locator("[data-criterion='开展理想信念教育']");
		Path file = Files.createTempFile("学习教育", ".pdf");
		Files.writeString(file, "%PDF-1.4 学习教育方案", StandardCharsets.UTF_8);
		education.locator("input[type=file]").setInputFiles(file);
		education.locator("[data-testid=add-evidence]").click();
		assertThat(page.locator("[data-criterion='开展理想信念教育'] [data-testid=evidence]")).containsText(".pdf");
		screenshot("375-evaluation-chamber");
		assertThat(overflow()).as("the evaluation page scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		page.locator("[data-testid=submit-evaluation]").click();
		assertThat(page.locator("[data-testid=evaluation-status]")).hasText("已提交");

		// the county returns it once
		as(county);
		page.setViewportSize(1280, 860);
		page.navigate(evaluationUrl);
		page.locator("[data-testid=return-reason-input]").fill("请补充理想信念教育的照片");
		page.locator("[data-testid=return-evaluation]").click();
		assertThat(page.locator("[data-testid=evaluation-status]")).hasText("已退回");

		as(chamber);
		page.navigate(evaluationUrl);
		assertThat(page.locator("[data-testid=return-reason]")).containsText("请补充理想信念教育的照片");
		page.locator("[data-testid=submit-evaluation]").click();
		assertThat(page.locator("[data-testid=evaluation-status]")).hasText("已提交");

		// the county scores, passes and recommends it to the city
		as(county);
		page.navigate(evaluationUrl);
		scoreEverything();
		page.locator("[data-testid=pass-evaluation]").click();
		assertThat(page.locator("[data-testid=evaluation-status]")).hasText("已通过");
		assertThat(page.locator("[data-testid=evaluation-recognitions]")).containsText("公示中");
		page.locator("[data-testid=recommend-evaluation]").click();
		assertThat(page.locator("[data-testid=evaluation-status]")).hasText("已推荐");
		assertThat(page.locator("[data-testid=evaluation-level]")).hasText("市级");

		// after the county's notice period the city recognises it
		noticeOver(scene.chamber(), "COUNTY");
		as(city);
		page.navigate(evaluationUrl);
		scoreEverything();
		page.locator("[data-testid=pass-evaluation]").click();
		assertThat(page.locator("[data-testid=evaluation-status]")).hasText("已通过");
		screenshot("evaluation-city-passed");
		noticeOver(scene.chamber(), "CITY");

		// the chamber's page shows the recognition
		as(chamber);
		phone();
		page.navigate(url("/evaluations/honours"));
		Locator honours = page.locator("[data-testid=honours]");
		assertThat(honours).containsText("市级 四好商会");
		assertThat(honours.locator("[data-state=FINAL]")).hasCount(2);
		screenshot("375-evaluation-honours");
		assertThat(overflow()).isLessThanOrEqualTo(0);
	}

	private void as(AccountPrincipal account) {
		context.clearCookies();
		signIn(account.getUsername(), TestAccounts.PASSWORD);
		assertThat(page.locator("main")).isVisible();
	}

	/** Every criterion at its maximum, form by form as a reviewer does. */
	private void scoreEverything() {
		int forms = page.locator("[data-testid=review-score-form]").count();
		assertThat(forms).isEqualTo(11);
		for (int i = 0; i < forms; i++) {
			Locator form = page.locator("[data-testid=review-score-form]").nth(i);
			Locator points = form.locator("input[name=points]");
			String criterion = form.locator("input[name=criterionId]").inputValue();
			points.fill(points.getAttribute("max"));
			form.locator("button[type=submit]").click();
			// the score is saved when the page comes back at its criterion (the filled input alone proves nothing)
			page.waitForURL("**#c" + criterion);
			assertThat(page.locator("[data-testid=review-score-form]").nth(i).locator("input[name=points]"))
				.hasValue(points.getAttribute("max"));
		}
		// the page as the server now draws it, every score saved, before the next step is clicked
		page.reload();
		assertThat(page.locator("[data-testid=review-score-form] input[name=points]:placeholder-shown")).hasCount(0);
	}

	/** The public notice period passed (its dates moved back as the clock moving on would). */
	private void noticeOver(long orgId, String level) {
		jdbc.sql("""
				update evaluation_recognition set notice_from = notice_from - 30, notice_until = notice_until - 30
				where org_id = :org and level = :level
				""").param("org", orgId).param("level", level).update();
	}

	private int overflow() {
		return ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}

}
