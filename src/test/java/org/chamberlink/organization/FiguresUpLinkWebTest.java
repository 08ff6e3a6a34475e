package org.chamberlink.organization;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A figures page offers 上一级 only where the user may follow it (never above the account's own node),
 * and names each rate's numerator and denominator in words.
 */
@IntegrationTest
class FiguresUpLinkWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCityUserIsOfferedNoWayAboveItsCityButOneBackFromACounty() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		String suffix = Long.toString(System.nanoTime());
		long province = fixture.federation("PROVINCE", "回看测试省" + suffix, "13", null);
		long city = fixture.federation("CITY", "回看测试市" + suffix, "1301", province);
		long county = fixture.federation("COUNTY", "回看测试县" + suffix, "130102", city);
		var cadre = new TestAccounts(accounts).createIn(city, Role.FEDERATION_ADMIN);
		WebSession browser = WebSession.signedIn(port, cadre.getUsername(), TestAccounts.PASSWORD);
		for (String figures : new String[] { "organizations", "members", "dues", "cases" }) {
			var own = browser.get("/figures/" + figures + "?org=" + city);
			assertThat(own.statusCode()).as(figures).isEqualTo(200);
			assertThat(own.body()).as(figures).doesNotContain(">上一级<");
			var below = browser.get("/figures/" + figures + "?org=" + county);
			assertThat(below.body()).as(figures).contains(">上一级<", "org=" + city);
			assertThat(browser.get("/figures/" + figures + "?org=" + province).statusCode()).as(figures).isEqualTo(404);
		}
		// a rate names what it divides, in words, on the page and on the home panel
		assertThat(browser.get("/figures/organizations?org=" + city).body()).contains("已登记商会 0 个 / 商会总数 0 个",
				"已建党组织的商会 0 个 / 商会总数 0 个", "乡镇（街道）总数");
		assertThat(browser.get("/organizations/panels/figures").body()).contains("已登记商会 0 个 / 商会总数 0 个");
		// the drill-down's rate columns name their parts too
		assertThat(browser.get("/figures/organizations?org=" + city).body())
			.contains("已建乡镇街道商会的乡镇（街道）数 / 辖区乡镇（街道）数");
	}

}
