package org.chamberlink.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.BrowserTest;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in the browser: choosing a region, an organisation or a member never needs a code.
 * Typing 西兆通 offers 西兆通镇 with its path; the keys choose it; a refused form keeps it; the
 * case form takes a member and an organisation picked by name; on a phone the list fits the screen.
 */
@IntegrationTest
class PickerBrowserTest extends BrowserTest {

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	@BeforeEach
	void aCountyWithAChamber() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("拣选浏览器");
	}

	@Test
	void typingXiZhaoTongOffersTheTownshipAndTheKeysChooseItARefusedFormKeepsIt() {
		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/organizations/new?parentId=" + tree.county()));
		page.locator("#chamberKind").selectOption("INDUSTRY");
		page.locator("#regionCode").fill("西兆通");
		Locator choice = page.locator("#regionCode-choices [role=option]");
		assertThat(choice).hasCount(1);
		assertThat(choice).containsText("西兆通镇");
		assertThat(choice).containsText("河北省 石家庄市 长安区 · 130102100");
		page.locator("#regionCode").press("ArrowDown");
		assertThat(choice).hasAttribute("aria-selected", "true");
		page.locator("#regionCode").press("Enter");
		assertThat(page.locator("#regionCode-choices")).isHidden();
		assertThat(page.locator("#regionCode")).hasValue("西兆通镇");
		assertThat(page.locator("[data-testid=region-picker] input[name=regionCode]")).hasValue("130102100");
		assertThat(page.locator("[data-testid=region-picker] [data-picker-detail]")).hasText("河北省 石家庄市 长安区 · 130102100");

		// the name is missing: the form comes back with the township still chosen, shown by its name
		page.locator("form.card button[type=submit]").click();
		assertThat(page.locator("[data-field-error=name]")).isVisible();
		assertThat(page.locator("#regionCode")).hasValue("西兆通镇");
		assertThat(page.locator("[data-testid=region-picker] input[name=regionCode]")).hasValue("130102100");

		// typing again forgets the choice until another is made; Escape closes the list
		page.locator("#regionCode").fill("西兆");
		assertThat(page.locator("#regionCode-choices")).isVisible();
		page.locator("#regionCode").press("Escape");
		assertThat(page.locator("#regionCode-choices")).isHidden();
		assertThat(page.locator("[data-testid=region-picker] input[name=regionCode]")).hasValue("");
		pick(page, "regionCode", "西兆通", "西兆通镇");

		page.locator("#name").fill("西兆通镇拣选商会" + tree.tag());
		page.locator("form.card button[type=submit]").click();
		assertThat(page.locator("main")).containsText("西兆通镇 (130102100)");
	}

	@Test
	void aCaseIsFiledWithTheMemberAndTheOrganisationPickedByName() {
		String chamberName = "长安区拣选浏览器商会" + tree.tag();
		String member = "拣选浏览器会员" + tree.tag();
		MemberFixture.person(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), member,
				MemberFixture.identityNumber(), MemberFixture.phone());
		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/cases/new?kind=NEED"));
		// without script the member is found in a search of its own; with it, the picker in the form does it
		assertThat(page.locator("[data-testid=find-member]")).hasCount(0);
		pick(page, "partyId", "拣选浏览器会员", member);
		pick(page, "orgId", "拣选浏览器商会", chamberName);
		page.locator("#category").selectOption("FINANCING");
		page.locator("#title").fill("扩大生产需要贷款");
		page.locator("#description").fill("希望商会对接银行，解决 300 万元流动资金。");
		page.locator("[data-testid=file-case]").click();
		assertThat(page.locator("[data-testid=case-org]")).hasText(chamberName);
		assertThat(page.locator("main")).containsText(member);
	}

	@Test
	void withoutScriptTheRegionIsTypedAsACodeAndTheOrganisationChosenInASelect() {
		var noScript = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN")
			.setJavaScriptEnabled(false));
		try {
			var plain = noScript.newPage();
			plain.navigate(url("/login"));
			plain.locator("#username").fill(tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername());
			plain.locator("#password").fill(TestAccounts.PASSWORD);
			plain.locator("button[type=submit]").click();
			plain.navigate(url("/organizations/new?parentId=" + tree.county()));
			plain.locator("#chamberKind").selectOption("INDUSTRY");
			plain.locator("[data-testid=region-picker] noscript input[name=regionCode]").fill("130102100");
			plain.locator("#name").fill("无脚本拣选商会" + tree.tag());
			plain.locator("form.card button[type=submit]").click();
			assertThat(plain.locator("main")).containsText("西兆通镇 (130102100)");

			plain.navigate(url("/members/new"));
			Locator organisations = plain.locator("[data-testid=org-picker] noscript select[name=orgId] option");
			assertThat(organisations).containsText(new String[] { tree.countyName(), "长安区拣选浏览器商会" + tree.tag() });
		}
		finally {
			noScript.close();
		}
	}

	@Test
	void onAPhoneTheListOfChoicesFitsTheScreen() {
		phone();
		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(), TestAccounts.PASSWORD);
		page.navigate(url("/members/new?orgId=" + tree.chamber()));
		assertThat(page.locator("#orgId")).hasValue("长安区拣选浏览器商会" + tree.tag());
		page.locator("#regionCode").fill("新华");
		Locator choices = page.locator("#regionCode-choices [role=option]");
		assertThat(choices).hasCount(20);
		page.locator("#regionCode").press("ArrowDown");
		page.locator("#regionCode").press("ArrowDown");
		assertThat(choices.nth(1)).hasAttribute("aria-selected", "true");
		int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
		assertThat(overflow).as("the open list scrolls the page sideways at 375 px").isLessThanOrEqualTo(0);
		var list = page.locator("#regionCode-choices").boundingBox();
		assertThat(list.x).isGreaterThanOrEqualTo(0);
		assertThat(list.x + list.width).isLessThanOrEqualTo(375);
		assertThat(choices.first().boundingBox().height).as("a choice is a finger's height").isGreaterThanOrEqualTo(44);
		screenshot("picker-375");
		choices.nth(1).click();
		assertThat(page.locator("#regionCode")).hasValue(Pattern.compile("新华"));
		assertThat(page.locator("[data-testid=region-picker] input[name=regionCode]")).hasValue(Pattern.compile("^\\d{6,9}$"));
	}

}
