package org.chamberlink.honour;

import java.util.Map;

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
 * An organisation's public honour roll (issue 18): nothing until the organisation publishes it —
 * the same page as for an unknown organisation; then, signed out, the standing honours of its
 * subtree with what a certificate shows except its number (no phone, no credit code, no revoked
 * honour); a neighbour cannot publish it; withdrawn, it is gone again. The signed-out visitor
 * reaches only the GET of the page.
 */
@IntegrationTest
@Tag("database")
class HonourPublicRollWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPublishedRollShowsOnlyWhatIsPublicAndNothingBeforeOrAfter() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		HonourScene scene = HonourScene.plant(port, fixture, jdbc, "公开榜");
		String tag = scene.tree().tag();
		String cityToken = fixture.tokenIn(scene.city(), Role.STAFF);
		String countyToken = fixture.tokenIn(scene.county(), Role.STAFF);
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", cityToken, "{\"orgId\":" + scene.city()
				+ ",\"name\":\"文明诚信私营企业" + tag + "\",\"honoreeKinds\":[\"ENTERPRISE\"],\"levels\":[\"CITY\"],\"cycle\":2026,"
				+ "\"certificate\":true}"));
		long standing = scene.enterprise("守信");
		long revoked = scene.enterprise("撤销");
		String creditCode = jdbc.sql("select credit_code from party where id = :p").param("p", scene.partyOf(standing))
			.query(String.class).single();
		String[] numbers = new String[2];
		long[] members = { standing, revoked };
		for (int i = 0; i < 2; i++) {
			long nomination = Json.created(Api.post(port, "/api/v1/honours/programmes/" + programme + "/nominations", countyToken,
					"{\"level\":\"CITY\",\"nominatorOrgId\":" + scene.county() + ",\"membershipId\":" + members[i] + ",\"reasons\":\"诚信经营\"}"));
			Api.post(port, "/api/v1/honours/nominations/" + nomination + "/accept", cityToken, "{}");
			Api.post(port, "/api/v1/honours/programmes/" + programme + "/notice?level=CITY", cityToken, "{}");
			numbers[i] = Json.text(Api.post(port, "/api/v1/honours/nominations/" + nomination + "/award", cityToken, "{}").body(),
					"$.certificateNumber");
		}
		long revokedAward = jdbc.sql("select id from honour_award where certificate_number = :n").param("n", numbers[1])
			.query(Long.class).single();
		Api.post(port, "/api/v1/honours/awards/" + revokedAward + "/revoke", cityToken, "{\"reason\":\"材料不实\"}");

		WebSession visitor = new WebSession(port);
		var before = visitor.get("/honours/public/" + scene.chamber());
		var unknown = visitor.get("/honours/public/999999999");
		assertThat(before.statusCode()).isEqualTo(404);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(before.body()).isEqualTo(unknown.body()).doesNotContain("守信");

		// the chamber publishes its roll; a neighbour could not
		WebSession neighbour = WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(scene.tree().chamber(), Role.CHAMBER_ADMIN).getUsername(), TestAccounts.PASSWORD);
		assertThat(neighbour.postForm("/honours/roll/organization/" + scene.chamber() + "/publish", Map.of()).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/honours/public/" + scene.chamber()).statusCode()).isEqualTo(404);
		WebSession chamber = WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(scene.chamber(), Role.CHAMBER_ADMIN).getUsername(), TestAccounts.PASSWORD);
		assertThat(chamber.get("/honours/roll/organization/" + scene.chamber()).body()).contains("荣誉榜未公开");
		var published = chamber.postForm("/honours/roll/organization/" + scene.chamber() + "/publish", Map.of());
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(chamber.get(chamber.location(published)).body()).contains("荣誉榜已公开", "/honours/public/" + scene.chamber());

		var roll = visitor.get("/honours/public/" + scene.chamber());
		assertThat(roll.statusCode()).isEqualTo(200);
		assertThat(roll.body()).contains("文明诚信私营企业" + tag, "守信有限公司" + tag, "市级", "石家庄市工商联")
			.doesNotContain("撤销有限公司" + tag, numbers[0], numbers[1], creditCode, "诚信经营", "139");
		// the county above did not publish its own roll; a visitor cannot post to the page
		assertThat(visitor.get("/honours/public/" + scene.county()).statusCode()).isEqualTo(404);
		var posted = visitor.postForm("/honours/public/" + scene.chamber(), Map.of());
		assertThat(posted.statusCode()).isIn(302, 403, 405);
		assertThat(posted.body()).doesNotContain("守信");

		// withdrawn, it is gone
		chamber.postForm("/honours/roll/organization/" + scene.chamber() + "/withdraw", Map.of());
		assertThat(visitor.get("/honours/public/" + scene.chamber()).body()).isEqualTo(unknown.body());
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Organization' and entity_id = :o"
				+ " and action in ('HONOUR_ROLL_PUBLISHED', 'HONOUR_ROLL_WITHDRAWN')").param("o", String.valueOf(scene.chamber()))
			.query(Long.class).single()).isEqualTo(2);
	}

}
