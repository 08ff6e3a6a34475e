package org.chamberlink.web;

import java.util.Map;

import org.chamberlink.demo.DemoDataLoader;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.support.DemoSlice;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page's panels name what each rate divides, in words, as the figures pages do. */
@IntegrationTest
class HomePanelsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoDataLoader loader;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ratesOnTheHomePanelsSayWhatTheyDivide() {
		Map<String, String> logins = DemoSlice.logins(loader, accounts, jdbc);
		String secretary = logins.keySet().stream().filter(login -> login.startsWith("sg_")).findFirst().orElseThrow();
		WebSession session = WebSession.signedIn(port, secretary, logins.get(secretary));

		String dues = session.get("/dues/panels/collection").body();
		assertThat(dues).containsPattern("已缴 ¥[0-9,]+\\.\\d\\d ÷ 应缴 ¥[0-9,]+\\.\\d\\d")
			.containsPattern("结清 [0-9,]+ 张 ÷ 开出 [0-9,]+ 张");
		String cases = session.get("/cases/panels/summary").body();
		assertThat(cases).containsPattern("满意 [0-9,]+ ÷ 已评价 [0-9,]+");
		String members = session.get("/members/panels/structure").body();
		assertThat(members).contains("私营企业");
	}

}
