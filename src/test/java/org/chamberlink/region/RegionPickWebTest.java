package org.chamberlink.region;

import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region picker's search (issue 15): a part of a name finds the region with its path from the
 * province down, a county's code finds it and what lies below, a form's bound keeps the choices
 * inside one region, and an abolished region is no longer offered. Regions are reference data:
 * every signed-in user searches the whole tree.
 */
@IntegrationTest
class RegionPickWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	Regions regions;

	WebSession staff;

	@BeforeEach
	void aChamberStaffMember() {
		staff = WebSession.signedIn(port, new TestAccounts(accountManagement).create(Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
	}

	@Test
	void partOfANameFindsTheTownshipWithItsPathFromTheProvinceDown() {
		// a township no other test abolishes or settles (the tests share one database)
		var answer = staff.getJson("/pick/regions?q=" + encode("冶河"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
		List<Map<String, String>> choices = Json.read(answer.body(), "$");
		assertThat(choices).containsExactly(Map.of("value", "130111103", "label", "冶河镇", "detail",
				"河北省 石家庄市 栾城区 · 130111103"));
	}

	@Test
	void anExactNameComesFirstAndTheListStopsAtTwenty() {
		List<String> labels = Json.read(staff.getJson("/pick/regions?q=" + encode("新华")).body(), "$[*].label");
		assertThat(labels).hasSize(20).first().isEqualTo("新华区");
		assertThat(labels).allMatch(label -> label.contains("新华"));
	}

	@Test
	void withinARegionOnlyWhatLiesInsideItIsOffered() {
		List<String> codes = Json.read(staff.getJson("/pick/regions?q=" + encode("新华") + "&within=1301").body(),
				"$[*].value");
		assertThat(codes).contains("130105").allMatch(code -> code.startsWith("1301"));
		List<String> below = Json.read(staff.getJson("/pick/regions?within=130111").body(), "$[*].value");
		assertThat(below).startsWith("130111").contains("130111103").allMatch(code -> code.startsWith("130111"));
	}

	@Test
	void aCountysCodeFindsItAndWhatLiesBelowShorterDigitsNothing() {
		List<String> codes = Json.read(staff.getJson("/pick/regions?q=130102").body(), "$[*].value");
		assertThat(codes).startsWith("130102").allMatch(code -> code.startsWith("130102"));
		assertThat(staff.getJson("/pick/regions?q=1301").body()).isEqualTo("[]");
	}

	@Test
	void wildcardsAreTakenLiterallyAndBlankAsksNothing() {
		assertThat(staff.getJson("/pick/regions?q=" + encode("%")).body()).isEqualTo("[]");
		assertThat(staff.getJson("/pick/regions?q=" + encode("_")).body()).isEqualTo("[]");
		assertThat(staff.getJson("/pick/regions?q=").body()).isEqualTo("[]");
	}

	@Test
	void anAbolishedRegionIsNoLongerOffered() {
		String name = "拣选测试街道" + System.nanoTime() % 100_000;
		String code = "130104" + (900 + System.nanoTime() % 90);
		WebSession admin = WebSession.signedIn(port, new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN)
			.getUsername(), TestAccounts.PASSWORD);
		admin.get("/admin/regions?code=130104");
		admin.postForm("/admin/regions", Map.of("parentCode", "130104", "code", code, "name", name));
		assertThat(Json.<List<String>>read(staff.getJson("/pick/regions?q=" + encode(name)).body(), "$[*].value"))
			.containsExactly(code);
		admin.postForm("/admin/regions/abolish", Map.of("code", code));
		assertThat(regions.get(code).abolished()).isTrue();
		assertThat(staff.getJson("/pick/regions?q=" + encode(name)).body()).isEqualTo("[]");
	}

	@Test
	void signedOutItAnswersNothing() {
		var answer = new WebSession(port).getJson("/pick/regions?q=" + encode("西兆通"));
		assertThat(answer.statusCode()).isIn(302, 401);
		assertThat(answer.body()).doesNotContain("西兆通镇");
	}

	static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
