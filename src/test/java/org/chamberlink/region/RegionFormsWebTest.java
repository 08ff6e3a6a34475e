package org.chamberlink.region;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/** Decision 25 for regions: a badly formed code is refused on its field, in the API (422) and on the page. */
@IntegrationTest
class RegionFormsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Regions regions;

	@Test
	void theApiRefusesABadlyFormedCodeWith422NamingIt() {
		var admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		String token = tokens.create(admin.id(), "regions").secret();
		assertApiRefused(Api.post(port, "/api/v1/regions", token,
				"{\"code\":\"13010\",\"name\":\"五位街道\",\"parentCode\":\"130104\"}"), "code", "“区划代码”的格式不正确");
		assertThat(regions.find("13010")).isEmpty();
	}

	@Test
	void theFormComesBackWithTheNameTypedAndTheMessageOnTheCode() {
		var admin = new TestAccounts(accountManagement).create(Role.SYSTEM_ADMIN);
		WebSession browser = WebSession.signedIn(port, admin.getUsername(), TestAccounts.PASSWORD);
		browser.get("/admin/regions?code=130104");
		var page = browser.postForm("/admin/regions", Map.of("parentCode", "130104", "code", "13010", "name", "五位街道"));
		assertFormKept(page, "code", "“区划代码”的格式不正确", "13010", "五位街道");
		assertThat(regions.find("13010")).isEmpty();
	}

}
