package org.chamberlink.honour;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The honour roll on the member's and the organisation's own pages through the detail-panel seam
 * (web.DetailPanel, decision 0046): the member and organisation pages draw a panel they do not
 * know, its body comes from the honour module's endpoint as a fragment, and a neighbour's staff get
 * neither the roll nor the record.
 */
@IntegrationTest
@Tag("database")
class HonourDetailPanelsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theHonourRollIsAPanelOnTheMembersAndTheOrganisationsPage() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		HonourScene scene = HonourScene.plant(port, fixture, jdbc, "荣誉榜");
		String tag = scene.tree().tag();
		String cityToken = fixture.tokenIn(scene.city(), Role.STAFF);
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", cityToken, "{\"orgId\":" + scene.city()
				+ ",\"name\":\"光彩之星" + tag + "\",\"honoreeKinds\":[\"ENTERPRISE\"],\"levels\":[\"CITY\"],\"cycle\":2026,"
				+ "\"certificate\":true}"));
		long membership = scene.enterprise("荣誉");
		long party = scene.partyOf(membership);
		long nomination = Json.created(Api.post(port, "/api/v1/honours/programmes/" + programme + "/nominations",
				fixture.tokenIn(scene.county(), Role.STAFF), "{\"level\":\"CITY\",\"nominatorOrgId\":" + scene.county()
						+ ",\"membershipId\":" + membership + ",\"reasons\":\"回报社会\"}"));
		Api.post(port, "/api/v1/honours/nominations/" + nomination + "/accept", cityToken, "{}");
		Api.post(port, "/api/v1/honours/programmes/" + programme + "/notice?level=CITY", cityToken, "{}");
		String number = Json.text(Api.post(port, "/api/v1/honours/nominations/" + nomination + "/award", cityToken, "{}").body(),
				"$.certificateNumber");

		var chamberAdmin = new TestAccounts(accountManagement).createIn(scene.chamber(), Role.CHAMBER_ADMIN);
		WebSession web = WebSession.signedIn(port, chamberAdmin.getUsername(), TestAccounts.PASSWORD);
		assertThat(web.get("/members/" + party).body()).contains("data-testid=\"detail-panel\"",
				"hx-get=\"/honours/roll/member/" + party + "\"", "荣誉榜");
		assertThat(web.get("/organizations/" + scene.chamber()).body()).contains("data-testid=\"detail-panel\"",
				"hx-get=\"/honours/roll/organization/" + scene.chamber() + "\"");

		var memberPanel = web.getHtmx("/honours/roll/member/" + party);
		assertThat(memberPanel.statusCode()).isEqualTo(200);
		assertThat(memberPanel.body()).contains("光彩之星" + tag, number, "data-testid=\"honour-roll-panel\"").doesNotContain("<html");
		var orgPanel = web.getHtmx("/honours/roll/organization/" + scene.chamber());
		assertThat(orgPanel.body()).contains("荣誉有限公司" + tag, number).doesNotContain("<html");
		// without htmx the same address is the whole page (a link works without scripts)
		assertThat(web.get("/honours/roll/member/" + party).body()).contains("<html", "光彩之星" + tag);

		// a neighbour's chamber sees neither the member nor its roll
		var neighbour = new TestAccounts(accountManagement).createIn(scene.tree().chamber(), Role.CHAMBER_ADMIN);
		WebSession other = WebSession.signedIn(port, neighbour.getUsername(), TestAccounts.PASSWORD);
		assertThat(other.getHtmx("/honours/roll/member/" + party).statusCode()).isEqualTo(404);
		assertThat(other.getHtmx("/honours/roll/organization/" + scene.chamber()).statusCode()).isEqualTo(404);
		assertThat(other.get("/members/" + party).statusCode()).isEqualTo(404);
	}

}
