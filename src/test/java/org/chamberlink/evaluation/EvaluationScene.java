package org.chamberlink.evaluation;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.support.OrganizationFixture;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tree with every review level: a province, a city (石家庄 1301), a county (长安区) with a
 * registered chamber, and a neighbouring county (桥西区) with its own chamber — each tagged; with the
 * fixture that planted it, for the accounts and tokens of its organisations.
 */
record EvaluationScene(OrganizationFixture fixture, String tag, long province, long city, long county, long chamber,
		long neighbourCounty, long neighbour) {

	/** Plants the tree with the application's own services (the test's context), on the test's port. */
	static EvaluationScene plant(ApplicationContext beans, int port, String topic) {
		JdbcClient jdbc = beans.getBean(JdbcClient.class);
		OrganizationFixture fixture = new OrganizationFixture(port, beans.getBean(AccountManagement.class),
				beans.getBean(ApiTokens.class), jdbc);
		String tag = fixture.uniqueTag();
		long province = fixture.federation("PROVINCE", topic + "测试省工商联" + tag, "13", null);
		long city = fixture.federation("CITY", "石家庄市工商联" + tag, "1301", province);
		long county = fixture.federation("COUNTY", "长安区工商联" + tag, "130102", city);
		long chamber = fixture.chamber("INDUSTRY", "长安区" + topic + "商会" + tag, "130102", county);
		long neighbourCounty = fixture.federation("COUNTY", "桥西区工商联" + tag, "130104", city);
		long neighbour = fixture.chamber("INDUSTRY", "桥西区" + topic + "商会" + tag, "130104", neighbourCounty);
		jdbc.sql("update organization set registered = true, registered_on = date '2020-03-01' where id in (:ids)")
			.param("ids", java.util.List.of(chamber, neighbour))
			.update();
		return new EvaluationScene(fixture, tag, province, city, county, chamber, neighbourCounty, neighbour);
	}

}
