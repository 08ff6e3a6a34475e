package org.chamberlink.proposal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's "Done when" for proposals in the browser: a member submits a suggestion on a 375 px
 * phone; county federation staff tick it, merge it into a proposal handed to a CPPCC member of the
 * registry, record the department's answer and mark it adopted; the member's phone then shows
 * "已采纳". The staff lists fit the phone too.
 */
@IntegrationTest
class ProposalBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSuggestionBecomesPartOfAProposalHandedToACppccMemberAndTheMemberSeesAdopted() {
		TestTree tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree("提案浏览");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long submitter = MemberFixture.person(port, chamberToken, tree.chamber(), "浏览建言人" + tree.tag(),
				MemberFixture.identityNumber(), MemberFixture.phone());
		long cppcc = ProposalWorkflowTest.holder(port, chamberToken, tree.chamber(), "浏览委员" + tree.tag(), "市政协委员");
		AccountPrincipal member = CaseFixture.memberAccount(accounts, jdbc, submitter);

		// the member, on a phone, submits a suggestion
		BrowserContext phoneContext = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740));
		Page phone = phoneContext.newPage();
		phone.setDefaultTimeout(30_000);
		phone.navigate(url("/login"));
		phone.locator("#username").fill(member.getUsername());
		phone.locator("#password").fill(TestAccounts.PASSWORD);
		phone.locator("button[type=submit]").click();
		phone.navigate(url("/portal/suggestions"));
		phone.locator("#portal-topic").selectOption("FINANCING");
		phone.locator("#problem").fill("小微企业续贷需先还后贷" + tree.tag());
		phone.locator("#suggestion").fill("推行无还本续贷");
		phone.locator("[data-testid=portal-submit]").click();
		assertThat(phone.locator("[data-testid=portal-suggestions]")).containsText("小微企业续贷需先还后贷" + tree.tag());
		assertThat(phone.locator("[data-testid=portal-suggestions]")).containsText("尚未纳入提案");
		assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue()).isLessThanOrEqualTo(0);
		long suggestion = jdbc.sql("select id from proposal_suggestion where party_id = :p").param("p", submitter).query(Long.class).single();

		// the county federation merges it into a proposal to a CPPCC member
		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/proposals/suggestions?open=true"));
		page.locator("[data-testid=choose-" + suggestion + "]").check();
		page.locator("#proposal-title").fill("关于推行无还本续贷的提案");
		page.locator("#proposal-topic").selectOption("FINANCING");
		page.locator("#holderRole").selectOption("CPPCC");
		page.locator("#holderPartyId").selectOption(Long.toString(cppcc));
		page.locator("[data-testid=merge]").click();
		assertThat(page.locator("[data-testid=proposal-title]")).hasText("关于推行无还本续贷的提案");
		assertThat(page.locator("[data-testid=proposal-status]")).hasText("已提交");

		// the department answers, the proposal is adopted
		page.locator("#department").fill("市地方金融监管局");
		page.locator("#answer").fill("已推动辖内银行开展无还本续贷");
		page.locator("[data-testid=record-answer]").click();
		assertThat(page.locator("[data-testid=proposal-status]")).hasText("已答复");
		page.locator("[data-testid=adopt]").click();
		assertThat(page.locator("[data-testid=proposal-status]")).hasText("已采纳");
		assertThat(page.locator("[data-testid=proposal-steps] .list-group-item")).hasCount(3);

		// the member sees it adopted
		phone.navigate(url("/portal/suggestions"));
		assertThat(phone.locator("[data-suggestion='" + suggestion + "'] [data-testid=adopted]")).hasText("已采纳");
		assertThat(phone.locator("[data-suggestion='" + suggestion + "']")).containsText("关于推行无还本续贷的提案");
		phoneContext.close();

		// the staff pages on a phone
		phone();
		for (String path : java.util.List.of("/proposals/suggestions", "/proposals", "/figures/proposals")) {
			page.navigate(url(path));
			assertThat(page.locator("main")).isVisible();
			screenshot("375-proposal" + path.replaceAll("\\W+", "-"));
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
				.as(path + " scrolls sideways at 375 px").isLessThanOrEqualTo(0);
		}
	}

}
