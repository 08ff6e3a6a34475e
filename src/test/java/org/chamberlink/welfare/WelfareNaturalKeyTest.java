package org.chamberlink.welfare;

import java.net.http.HttpResponse;

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
 * A village's statistical code typed by the user (a search, a new village, an import row's code)
 * tells a chamber nothing about the neighbouring chamber of the same county that recorded it: the
 * answers are those for a code recorded nowhere, and the neighbour's village is unchanged. The
 * natural-key part of the scope walk for this module (NaturalKeyWalkTest does not generate codes).
 */
@IntegrationTest
@Tag("database")
class WelfareNaturalKeyTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNeighboursStatisticalCodeAnswersLikeACodeRecordedNowhere() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "村码测试省工商联", "13", null);
		long county = fixture.federation("COUNTY", "村码测试县工商联" + System.nanoTime(), "130107", province);
		String marker = "邻村" + System.nanoTime();
		long own = fixture.chamber("INDUSTRY", "本会" + System.nanoTime(), "130107", county);
		long neighbour = fixture.chamber("INDUSTRY", "邻会" + System.nanoTime(), "130107", county);
		String township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130107%' order by code limit 1")
			.query(String.class).single();
		String taken = township + String.format("%03d", (int) (System.nanoTime() % 500) + 200);
		String free = township + String.format("%03d", (int) (System.nanoTime() % 200));
		Json.created(Api.post(port, "/api/v1/welfare/villages", fixture.tokenIn(neighbour, Role.CHAMBER_ADMIN), "{\"orgId\":"
				+ neighbour + ",\"townshipCode\":\"" + township + "\",\"name\":\"" + marker + "\",\"statCode\":\"" + taken
				+ "\",\"reliefStatus\":\"LIFTED\"}"));
		String before = jdbc.sql("select string_agg(name || stat_code || version, ',') from welfare_village where org_id = :n")
			.param("n", neighbour).query(String.class).single();

		String token = fixture.tokenIn(own, Role.CHAMBER_ADMIN);
		var user = new TestAccounts(accounts).createIn(own, Role.CHAMBER_ADMIN);
		WebSession web = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
		HttpResponse<String> searchTaken = Api.get(port, "/api/v1/welfare/villages?keyword=" + taken, token);
		HttpResponse<String> searchFree = Api.get(port, "/api/v1/welfare/villages?keyword=" + free, token);
		assertThat(searchTaken.statusCode()).isEqualTo(searchFree.statusCode()).isEqualTo(200);
		assertThat(searchTaken.body()).isEqualTo(searchFree.body()).isEqualTo("[]");
		assertThat(web.get("/welfare/villages?keyword=" + taken).body()).doesNotContain(marker);

		// a village of its own with the neighbour's code is recorded exactly as one with a code nobody has
		HttpResponse<String> addTaken = Api.post(port, "/api/v1/welfare/villages", token, "{\"orgId\":" + own + ",\"townshipCode\":\""
				+ township + "\",\"name\":\"本会村甲\",\"statCode\":\"" + taken + "\",\"reliefStatus\":\"OTHER\"}");
		HttpResponse<String> addFree = Api.post(port, "/api/v1/welfare/villages", token, "{\"orgId\":" + own + ",\"townshipCode\":\""
				+ township + "\",\"name\":\"本会村乙\",\"statCode\":\"" + free + "\",\"reliefStatus\":\"OTHER\"}");
		assertThat(addTaken.statusCode()).isEqualTo(addFree.statusCode()).isEqualTo(201);
		assertThat(addTaken.body()).doesNotContain(marker);
		// the same code twice in the caller's own scope is its own duplicate, named as such
		HttpResponse<String> again = Api.post(port, "/api/v1/welfare/villages", token, "{\"orgId\":" + own + ",\"townshipCode\":\""
				+ township + "\",\"name\":\"本会村丁\",\"statCode\":\"" + free + "\",\"reliefStatus\":\"OTHER\"}");
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).doesNotContain(marker);
		assertThat(jdbc.sql("select string_agg(name || stat_code || version, ',') from welfare_village where org_id = :n")
			.param("n", neighbour).query(String.class).single()).isEqualTo(before);
	}

}
