package org.chamberlink.region;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegionApiWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Regions regions;

	String tokenFor(Role role) {
		var account = new TestAccounts(accountManagement).create(role);
		return tokens.create(account.id(), "test").secret();
	}

	@Test
	void anAdministratorAddsANewDevelopmentZoneAndLaterAbolishesIt() {
		String admin = tokenFor(Role.SYSTEM_ADMIN);
		String zone = "130102" + "9" + String.format("%02d", System.nanoTime() % 100);
		var created = Api.post(port, "/api/v1/regions", admin,
				"{\"code\":\"" + zone + "\",\"name\":\"高新技术产业开发区街道\",\"parentCode\":\"130102\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"level\":\"TOWNSHIP\"", "\"addedManually\":true");

		var abolished = Api.post(port, "/api/v1/regions/" + zone + "/abolish?on=2026-12-31", admin, "");
		assertThat(abolished.body()).contains("\"abolishedOn\":\"2026-12-31\"");
		assertThat(regions.find(zone)).get().extracting(Region::abolished).isEqualTo(true);
	}

	@Test
	void aBadRegionIsRefusedWithAMessageNamingTheFieldAndNothingIsWritten() {
		String admin = tokenFor(Role.SYSTEM_ADMIN);
		var wrongPrefix = Api.post(port, "/api/v1/regions", admin,
				"{\"code\":\"130201999\",\"name\":\"错位街道\",\"parentCode\":\"130102\"}");
		assertThat(wrongPrefix.statusCode()).isEqualTo(422);
		assertThat(wrongPrefix.body()).contains("\"field\":\"code\"", "须以上级区划代码 130102 开头");

		var malformed = Api.post(port, "/api/v1/regions", admin, "{\"code\":\"12ab\",\"name\":\"\",\"parentCode\":\"13\"}");
		assertThat(malformed.statusCode()).isEqualTo(422);
		assertThat(malformed.body()).contains("请填写“区划名称”", "“区划代码”的格式不正确");
		assertThat(regions.find("130201999")).isEmpty();
	}

	@Test
	void onlyAdministratorsChangeTheTreeButEveryoneReadsIt() {
		String staff = tokenFor(Role.STAFF);
		assertThat(Api.get(port, "/api/v1/regions?parent=1301", staff).body()).contains("\"parentCode\":\"1301\"");
		assertThat(Api.get(port, "/api/v1/regions/99", staff).statusCode()).isEqualTo(404);
		var refused = Api.post(port, "/api/v1/regions", staff,
				"{\"code\":\"130102998\",\"name\":\"某街道\",\"parentCode\":\"130102\"}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("没有执行此操作的权限");
	}

}
