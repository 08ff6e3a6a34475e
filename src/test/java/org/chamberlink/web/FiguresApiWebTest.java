package org.chamberlink.web;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.*;
import java.net.http.HttpResponse;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures SPI over HTTP: every module's figures listed with their names, units and roll-ups
 * (a rate names its numerator and denominator); a figure of a county with two chambers, with its
 * drill-down to the county's own level and each chamber; an organisation outside the caller's
 * subtree and an unknown figure answer 404 like an unknown id.
 */
@IntegrationTest
@Tag("database")
class FiguresApiWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDefinitionsNameEveryModulesFiguresAndEachRatesNumeratorAndDenominator() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "指标测试省工商联" + System.nanoTime(), "13", null);
		String staff = fixture.tokenIn(province, Role.FEDERATION_ADMIN);

		String definitions = Api.get(port, "/api/v1/figures", staff).body();
		assertThat(definitions).contains(
				"{\"key\":\"case.satisfactionRate\",\"label\":\"满意率\",\"unit\":\"RATE\","
						+ "\"rollUp\":{\"kind\":\"RATIO\",\"numerator\":\"case.satisfied\",\"denominator\":\"case.rated\"},"
						+ "\"timing\":\"PERIOD\"}",
				"{\"key\":\"organization.townshipCoverage\",\"label\":\"乡镇街道商会覆盖率\",\"unit\":\"RATE\","
						+ "\"rollUp\":{\"kind\":\"RATIO\",\"numerator\":\"organization.townshipsCovered\","
						+ "\"denominator\":\"organization.townships\"},\"timing\":\"AS_OF\"}",
				"\"key\":\"dues.amountRate\"", "\"numerator\":\"dues.paidFen\",\"denominator\":\"dues.billedFen\"",
				"\"key\":\"member.total\"", "\"key\":\"case.recoveredFen\",\"label\":\"挽回经济损失\",\"unit\":\"MONEY_FEN\","
						+ "\"rollUp\":{\"kind\":\"SUM\"}");
		// every name is a text, not a message key left unresolved
		assertThat(definitions).doesNotContainPattern("\"label\":\"[a-zA-Z]+\\.");
		assertThat(Api.get(port, "/api/v1/figures", null).statusCode()).isEqualTo(401);
	}

	@Test
	void aCountysFigureComesWithItsOwnLevelAndEachChamberAndNothingOutsideTheScope() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "指标测试省工商联" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		long chamber = fixture.chamber("INDUSTRY", "长安区印刷商会", "130102", county);
		long second = fixture.chamber("INDUSTRY", "长安区物流商会", "130102", county);
		long otherCounty = fixture.federation("COUNTY", "桥西区工商联", "130104", province);
		long outside = fixture.chamber("INDUSTRY", "桥西区印刷商会", "130104", otherCounty);
		String countyStaff = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String secondAdmin = fixture.tokenIn(second, Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, admin, chamber, "孙丽华", MemberFixture.identityNumber(), MemberFixture.phone());

		// the first chamber: one case resolved and rated 5, one open; the second: one resolved and rated 2;
		// the county itself: one open case
		long rated = filed(Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "800")));
		resolveAndRate(admin, rated, "{\"outcome\":\"已退费\",\"amountRecovered\":\"800\"}", 5);
		filed(Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "100")));
		long secondMember = MemberFixture.person(port, secondAdmin, second, "钱文静", MemberFixture.identityNumber(),
				MemberFixture.phone());
		long unhappy = filed(Api.post(port, "/api/v1/cases", secondAdmin, need(second, secondMember)));
		resolveAndRate(secondAdmin, unhappy, "{\"outcome\":\"已对接\"}", 2);
		long countyMember = MemberFixture.person(port, countyStaff, county, "李建军", MemberFixture.identityNumber(),
				MemberFixture.phone());
		filed(Api.post(port, "/api/v1/cases", countyStaff, need(county, countyMember)));

		HttpResponse<String> cases = Api.get(port, "/api/v1/organizations/" + county + "/figures/case.cases", countyStaff);
		assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
		assertThat(cases.body()).contains("\"key\":\"case.cases\"", "\"orgId\":" + county + ",\"orgName\":\"长安区工商联\"",
				"\"value\":{\"value\":4}",
				"{\"orgId\":" + county + ",\"orgName\":\"长安区工商联\",\"own\":true,\"value\":{\"value\":1}}",
				"{\"orgId\":" + chamber + ",\"orgName\":\"长安区印刷商会\",\"own\":false,\"value\":{\"value\":2}}",
				"{\"orgId\":" + second + ",\"orgName\":\"长安区物流商会\",\"own\":false,\"value\":{\"value\":1}}");

		// a rate is its own numerator ÷ its own denominator at every level, each named, truncated to two decimals
		String rate = Api.get(port, "/api/v1/organizations/" + county + "/figures/case.satisfactionRate?from="
				+ java.time.LocalDate.now(ChinaTime.ZONE).withDayOfYear(1) + "&to=" + java.time.LocalDate.now(ChinaTime.ZONE), countyStaff).body();
		assertThat(rate).contains("\"unit\":\"RATE\"",
				"\"value\":{\"value\":50.00,\"numerator\":{\"key\":\"case.satisfied\",\"value\":1},"
						+ "\"denominator\":{\"key\":\"case.rated\",\"value\":2}}",
				"\"orgName\":\"长安区印刷商会\",\"own\":false,\"value\":{\"value\":100.00,"
						+ "\"numerator\":{\"key\":\"case.satisfied\",\"value\":1},\"denominator\":{\"key\":\"case.rated\",\"value\":1}}",
				"\"orgName\":\"长安区物流商会\",\"own\":false,\"value\":{\"value\":0.00,",
				// nothing rated at the county's own level: no value, its parts still shown
				"\"own\":true,\"value\":{\"numerator\":{\"key\":\"case.satisfied\",\"value\":0},"
						+ "\"denominator\":{\"key\":\"case.rated\",\"value\":0}}");

		// the same through the registry service that indicators and the yearly return call
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber + "/figures/case.recoveredFen", admin).body())
			.contains("\"value\":{\"value\":80000}");

		// outside the county's subtree, and an unknown figure: not found, like an unknown id
		HttpResponse<String> elsewhere = Api.get(port, "/api/v1/organizations/" + outside + "/figures/case.cases", countyStaff);
		assertThat(elsewhere.statusCode()).isEqualTo(404);
		assertThat(elsewhere.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.startsWith("application/problem+json"));
		assertThat(Api.get(port, "/api/v1/organizations/" + otherCounty + "/figures/case.cases", countyStaff).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + province + "/figures/member.total", countyStaff).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/999999999/figures/case.cases", countyStaff).statusCode())
			.isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/figures/case.nothing", countyStaff).statusCode())
			.isEqualTo(404);
		// a chamber sees its own figures but not its neighbour's
		assertThat(Api.get(port, "/api/v1/organizations/" + second + "/figures/case.cases", admin).statusCode()).isEqualTo(404);
	}

	private void resolveAndRate(String token, long id, String resolution, int rating) {
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}").statusCode()).isEqualTo(200);
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/resolve", token, resolution).statusCode()).isEqualTo(200);
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/follow-up", token, "{\"rating\":" + rating + "}").statusCode())
			.isEqualTo(200);
	}

	private static String need(long orgId, long partyId) {
		return "{\"kind\":\"NEED\",\"category\":\"MARKET\",\"orgId\":" + orgId + ",\"partyId\":" + partyId
				+ ",\"title\":\"开拓市场\",\"description\":\"希望对接外地采购商\"}";
	}

	private static long filed(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return CaseFixture.caseId(response.body());
	}

}
