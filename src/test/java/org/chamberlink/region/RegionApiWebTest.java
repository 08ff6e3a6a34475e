package org.chamberlink.region;

import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region tree through the API: everyone reads it, only system administrators add a
 * development zone or abolish a region, and a bad region names its field and writes nothing.
 */
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
	void anAdministratorAddsANewDevelopmentZoneAsATownshipAddedByHand() {
		String zone = "130102" + "9" + String.format("%02d", System.nanoTime() % 100);
		var created = Api.post(port, "/api/v1/regions", tokenFor(Role.SYSTEM_ADMIN),
				"{\"code\":\"" + zone + "\",\"name\":\"高新技术产业开发区街道\",\"parentCode\":\"130102\"}");
		String body = Json.createdBody(created);
		assertThat(Json.text(body, "$.level")).isEqualTo("TOWNSHIP");
		assertThat(Json.<Boolean>read(body, "$.addedManually")).isTrue();
		assertThat(regions.find(zone)).isPresent();
	}

	@Test
	void anAdministratorAbolishesARegionOnADay() {
		String admin = tokenFor(Role.SYSTEM_ADMIN);
		String zone = "130104" + "9" + String.format("%02d", System.nanoTime() % 100);
		Json.createdBody(Api.post(port, "/api/v1/regions", admin,
				"{\"code\":\"" + zone + "\",\"name\":\"待撤销街道\",\"parentCode\":\"130104\"}"));

		var abolished = Api.post(port, "/api/v1/regions/" + zone + "/abolish?on=2026-12-31", admin, "");
		assertThat(Json.text(abolished.body(), "$.abolishedOn")).isEqualTo("2026-12-31");
		assertThat(regions.find(zone)).get().extracting(Region::abolished).isEqualTo(true);
	}

	@Test
	void aCodeOutsideItsParentIsRefusedNamingTheCodeAndNothingIsWritten() {
		var wrongPrefix = Api.post(port, "/api/v1/regions", tokenFor(Role.SYSTEM_ADMIN),
				"{\"code\":\"130201999\",\"name\":\"错位街道\",\"parentCode\":\"130102\"}");
		assertThat(wrongPrefix.statusCode()).isEqualTo(422);
		assertThat(Json.<List<String>>read(wrongPrefix.body(), "$.errors[*].field")).containsExactly("code");
		assertThat(wrongPrefix.body()).contains("须以上级区划代码 130102 开头");
		assertThat(regions.find("130201999")).isEmpty();
	}

	@Test
	void aMalformedRegionIsRefusedNamingEachField() {
		var malformed = Api.post(port, "/api/v1/regions", tokenFor(Role.SYSTEM_ADMIN),
				"{\"code\":\"12ab\",\"name\":\"\",\"parentCode\":\"13\"}");
		assertThat(malformed.statusCode()).isEqualTo(422);
		assertThat(malformed.body()).contains("请填写“区划名称”", "“区划代码”的格式不正确");
		assertThat(regions.find("12ab")).isEmpty();
	}

	@Test
	void everyoneReadsTheTreeAndAnUnknownCodeIsNotFound() {
		String staff = tokenFor(Role.STAFF);
		assertThat(Json.<List<String>>read(Api.get(port, "/api/v1/regions?parent=1301", staff).body(), "$[*].parentCode"))
			.isNotEmpty()
			.containsOnly("1301");
		assertThat(Api.get(port, "/api/v1/regions/99", staff).statusCode()).isEqualTo(404);
	}

	@Test
	void onlyAdministratorsChangeTheTree() {
		var refused = Api.post(port, "/api/v1/regions", tokenFor(Role.STAFF),
				"{\"code\":\"130102899\",\"name\":\"某街道\",\"parentCode\":\"130102\"}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Json.text(refused.body(), "$.detail")).contains("没有执行此操作的权限");
		assertThat(regions.find("130102899")).isEmpty();
	}

}
