package org.chamberlink.publication;

import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Locator;
import org.chamberlink.identity.AccountManagement;
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
 * A member who runs a food factory finds, on a 375 px phone, the policy for their industry: among
 * "policies for me" at once, and by searching 融资 in 制造业; the policy's page names its industry.
 */
@IntegrationTest
class PolicyBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Policies policies;

	@Test
	void aMemberFindsAPolicyForTheirIndustryOnAPhone() {
		PolicyScene scene = new PolicyScene(port, accounts, tokens, jdbc, policies, "找政策");
		String tag = scene.tree.tag();
		String title = "关于支持农副食品加工企业融资的若干措施" + tag;
		scene.published(title, "河北省工业和信息化厅", List.of("13"), List.of("C"), Set.of(PolicyTopic.FINANCE),
				"对农副食品加工企业的流动资金贷款给予贴息，贴息比例为贷款市场报价利率的50%。", null);
		scene.published("软件企业增值税即征即退" + tag, "国家税务总局河北省税务局", List.of("13"), List.of("65"), Set.of(PolicyTopic.TAX),
				"软件产品增值税实际税负超过3%的部分即征即退。", null);

		phone();
		signIn(scene.member.getUsername(), TestAccounts.PASSWORD);
		page.waitForURL(address -> !address.contains("/login"));
		page.navigate(url("/portal/policies"));
		assertThat(page.locator("[data-testid=policy-heading]")).hasText("适用于我的政策");
		Locator cards = page.locator("[data-testid=policies] [data-testid=policy-card]");
		assertThat(cards.filter(new Locator.FilterOptions().setHasText(title))).hasCount(1);
		assertThat(cards.filter(new Locator.FilterOptions().setHasText("软件企业增值税即征即退" + tag))).hasCount(0);
		noSidewaysScroll("/portal/policies");
		screenshot("policy-portal-375");

		page.locator("[data-testid=policy-search] input[name=keyword]").fill("融资");
		page.locator("[data-testid=policy-search] select[name=industryCode]").selectOption("C");
		page.locator("[data-testid=policy-search-submit]").click();
		assertThat(page.locator("[data-testid=policy-heading]")).hasText("查找结果");
		// other tests' policies may match too: ours is there, the software policy is not
		assertThat(cards.filter(new Locator.FilterOptions().setHasText("软件企业增值税即征即退" + tag))).hasCount(0);
		cards.filter(new Locator.FilterOptions().setHasText(title)).locator("[data-testid=policy-title]").click();
		assertThat(page.locator("[data-testid=policy-title]")).hasText(title);
		assertThat(page.locator("[data-testid=policy-industries]")).hasText("C 制造业");
		assertThat(page.locator("[data-testid=policy-regions]")).hasText("河北省");
		assertThat(page.locator("[data-testid=policy-valid]")).hasText("现行有效");
		noSidewaysScroll("/portal/policies/{id}");
		screenshot("policy-detail-375");
	}

	private void noSidewaysScroll(String what) {
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as(what + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
	}

}
