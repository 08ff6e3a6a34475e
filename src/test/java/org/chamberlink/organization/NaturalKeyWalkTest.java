package org.chamberlink.organization;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.member.PartyKind;
import org.chamberlink.organization.NaturalKeyWalker.Side;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope walk for natural keys. {@link ScopeWalkTest} aims ids at the neighbour; a credit code,
 * an identity number, a phone, a region code or an organisation's name reach the neighbour without
 * any id. So every mapping that takes one (in a body, a form, a query or an import row) is called as
 * a chamber's administrator with the neighbour's value and with a value that exists nowhere: the
 * two answers must not differ, must not show what the neighbour recorded privately (its
 * organisation's name, its staff, its members' e-mail and full phone numbers), and the neighbour
 * must not change. A party attached by its credit code or identity number (entered once, shared)
 * is then walked itself. The mappings are discovered, so a new endpoint is walked without editing
 * this test.
 * <p>
 * Fixture: a city with two counties. County A (万全区) holds the caller's township chamber and a
 * neighbouring chamber; county B (崇礼区) a township chamber of its own, the neighbour of the
 * county A federation, which walks what chambers may not call (the chamber import …).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NaturalKeyWalkTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	/** In the neighbours' organisation names, their staff's names and their members' e-mail: never to be shown. */
	String marker;

	Side chamber;

	Side county;

	List<Long> neighbourOrgs;

	/** The caller's township (万全区), the neighbour's (崇礼区), and one of 崇礼区 no chamber holds. */
	String ownTownship;

	String takenTownship;

	String freeTownship;

	@BeforeAll
	void twoCountiesWithNeighbours() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		ownTownship = fixture.township("130708");
		takenTownship = fixture.township("130709");
		freeTownship = fixture.township("130709");
		Random random = new Random();
		marker = "nbr" + letters(random, 8);
		String sharedMarker = "共享" + letters(random, 6);
		long province = fixture.federation("PROVINCE", "键值测试省工商联", "13", null);
		long city = fixture.federation("CITY", "键值测试市工商联", "1307", province);
		String countyName = "万全区工商联" + letters(random, 4);
		long countyA = fixture.federation("COUNTY", countyName, "130708", city);
		long countyB = fixture.federation("COUNTY", "崇礼区" + marker + "工商联", "130709", city);
		String ownName = "孔家庄镇商会" + letters(random, 4);
		long own = fixture.chamber("TOWNSHIP", ownName, ownTownship, countyA);
		String neighbourNameA = "邻居" + marker + "商会";
		long neighbourA = fixture.chamber("INDUSTRY", neighbourNameA, "130708", countyA);
		String neighbourNameB = "邻县" + marker + "商会";
		long neighbourB = fixture.chamber("TOWNSHIP", neighbourNameB, takenTownship, countyB);
		neighbourOrgs = List.of(neighbourA, neighbourB, countyB);

		var neighboursA = new NaturalKeyNeighbours(port, jdbc, neighbourA, neighbourNameA, countyA,
				neighbourAdmin(neighbourA, "a"), marker, sharedMarker);
		neighboursA.party(PartyKind.ENTERPRISE);
		neighboursA.party(PartyKind.PERSON);
		var neighboursB = new NaturalKeyNeighbours(port, jdbc, neighbourB, neighbourNameB, countyB,
				neighbourAdmin(neighbourB, "b"), marker, sharedMarker);
		// ---- issue 21: the neighbours' merchant, bank agreement and investment project, by name
		neighboursA.economicServices();
		neighboursB.economicServices();

		String chamberToken = fixture.tokenIn(own, Role.CHAMBER_ADMIN);
		long ownEnterprise = MemberFixture.created(Api.post(port, "/api/v1/members", chamberToken,
				"{\"kind\":\"ENTERPRISE\",\"orgId\":" + own + ",\"name\":\"本会企业\",\"creditCode\":\""
						+ MemberFixture.creditCode() + "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\",\"legalRepresentative\":"
						+ "\"张三\",\"industryCode\":\"13\",\"sizeClass\":\"SMALL\",\"employees\":25,\"regionCode\":\""
						+ ownTownship + "\",\"phone\":\"" + MemberFixture.phone() + "\",\"role\":\"MEMBER\","
						+ "\"joinedOn\":\"2024-03-01\"}"));
		long ownPerson = MemberFixture.created(Api.post(port, "/api/v1/members", chamberToken,
				"{\"kind\":\"PERSON\",\"orgId\":" + own + ",\"name\":\"本会个人\",\"gender\":\"FEMALE\",\"idNumber\":\""
						+ MemberFixture.identityNumber() + "\",\"regionCode\":\"" + ownTownship + "\",\"phone\":\""
						+ MemberFixture.phone() + "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}"));
		chamber = new Side("", chamberToken, signedIn(own, Role.CHAMBER_ADMIN), own, ownName, ownTownship,
				ownEnterprise, ownPerson, neighboursA);
		county = new Side("as the county federation", fixture.tokenIn(countyA, Role.FEDERATION_ADMIN),
				signedIn(countyA, Role.FEDERATION_ADMIN), countyA, countyName, "130708", ownEnterprise, ownPerson,
				neighboursB);
	}

	@Test
	void noNaturalKeyTellsTheCallerAboutTheNeighboursOrChangesThem() {
		long started = System.nanoTime();
		var walker = new NaturalKeyWalker(port, jdbc, marker, chamber, county, neighbourOrgs, takenTownship,
				freeTownship);
		walker.walk(NaturalKeyEndpoint.discover(mappings)
			.stream()
			.filter(e -> !e.bean().isAnnotationPresent(DeliberatelyUnscoped.class))
			.toList());
		System.out.printf("Natural-key walk: %d calls in %d s, %d leaks%n", walker.walked.size(),
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), walker.leaks.size());
		if (Boolean.getBoolean("naturalKeyWalk.verbose")) {
			walker.walked.forEach(call -> System.out.println("  walked " + call));
		}
		walker.skipped.forEach(why -> System.out.println("  skipped " + why));
		walker.leaks.forEach(leak -> System.out.println("  LEAK " + leak));

		assertThat(walker.walked).as("the walk reached the endpoints that take natural keys")
			.anyMatch(call -> call.startsWith("POST /api/v1/members [ENTERPRISE creditCode]"))
			.anyMatch(call -> call.startsWith("POST /members/new [PERSON idNumber]"))
			.anyMatch(call -> call.startsWith("PUT /api/v1/parties/{id} [ENTERPRISE creditCode]"))
			.anyMatch(call -> call.startsWith("PUT /api/v1/organizations/{id} [regionCode"))
			.anyMatch(call -> call.startsWith("POST /api/v1/join-applications/{id}/approve [ENTERPRISE creditCode]"))
			.anyMatch(call -> call.startsWith("POST /members/import [PERSON phone]"))
			.anyMatch(call -> call.startsWith("POST /organizations/import [name, parentId=neighbour's parent, as the county"))
			.anyMatch(call -> call.startsWith("GET /api/v1/members [keyword=the neighbour's creditCode]"))
			// ---- issue 21: names typed into the economic services
			.anyMatch(call -> call.startsWith("POST /api/v1/finance/referrals/{id}/recommend [bank"))
			.anyMatch(call -> call.startsWith("POST /finance/referrals/{id}/recommend [bank"))
			.anyMatch(call -> call.startsWith("POST /api/v1/merchants [name"))
			.anyMatch(call -> call.startsWith("POST /api/v1/investment/projects [name"));
		assertThat(chamber.web().get("/dues").statusCode()).as("the page session stayed signed in").isEqualTo(200);
		assertThat(walker.leaks).as("answers that tell a chamber about its neighbours, or change them").isEmpty();
	}

	@Test
	void theWalkCatchesADeliberateCreditCodeOracle() {
		var walker = new NaturalKeyWalker(port, jdbc, marker, chamber, county, neighbourOrgs, takenTownship,
				freeTownship);
		NaturalKeyEndpoint.discover(mappings)
			.stream()
			.filter(e -> e.bean().isAnnotationPresent(DeliberatelyUnscoped.class))
			.forEach(walker::probe);
		assertThat(walker.leaks).hasSize(1).first().asString().contains("/api/v1/test-fixture/credit-code-taken");
	}

	private String neighbourAdmin(long org, String suffix) {
		var account = accounts.create(new NewAccount(marker + suffix, marker + "职员", TestAccounts.PASSWORD, org,
				Set.of(Role.CHAMBER_ADMIN), false));
		return tokens.create(account.id(), "test").secret();
	}

	private WebSession signedIn(long org, Role role) {
		var account = new TestAccounts(accounts).createIn(org, role);
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	private static String letters(Random random, int count) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		return letters.toString();
	}

}
