package org.chamberlink.organization;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.BadInputWalker.Caller;
import org.chamberlink.organization.BadInputWalker.Operation;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.chamberlink.support.WriteCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: no bad input is ever a 500, and no refused request changes the database. Every write
 * operation of the OpenAPI document and every page form ({@link BadInputWalker}) gets bad input
 * field by field, as a county federation's administrator aimed at its own chamber's records (the
 * system administrator where the county may not act at all). The operations are discovered, so a
 * new endpoint is walked without editing this test; {@link UncheckedFixtureController} proves the
 * walk fails on an endpoint that checks nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputWalkTest {

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

	WriteCounter counter;

	Caller county;

	Caller system;

	Map<String, String> pathIds = new HashMap<>();

	String ownTownship;

	Map<String, String> defaults = new HashMap<>();

	List<Operation> operations;

	@BeforeAll
	void aChamberWithOneRecordOfEveryKind() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		String tag = Long.toString(System.nanoTime() % 100_000_000L, 36);
		long province = fixture.federation("PROVINCE", "坏输入省工商联" + tag, "13", null);
		long countyOrg = fixture.federation("COUNTY", "长安区工商联" + tag, "130102", province);
		long chamber = fixture.chamber("INDUSTRY", "长安区坏输入商会" + tag, "130102", countyOrg);
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		// a township of the walk's own making: the system administrator may abolish it, and no other test names it
		ownTownship = jdbc.sql("select min(c) from generate_series(130102900, 130102999) c where c::text not in "
				+ "(select code from region)").query(Long.class).single().toString();
		var township = Api.post(port, "/api/v1/regions", fixture.admin(), "{\"code\":\"" + ownTownship
				+ "\",\"name\":\"坏输入街道" + tag + "\",\"parentCode\":\"130102\"}");
		assertThat(township.statusCode()).as(township.body()).isEqualTo(201);
		long person = MemberFixture.person(port, admin, chamber, "冯建国", MemberFixture.identityNumber(), MemberFixture.phone());
		long enterprise = MemberFixture.enterprise(port, admin, chamber, "坏输入企业" + tag, MemberFixture.creditCode(),
				MemberFixture.phone());
		long membership = jdbc.sql("select id from membership where party_id = :p").param("p", person).query(Long.class)
			.single();
		long application = MemberFixture.created(Api.post(port, "/api/v1/organizations/" + chamber + "/join-applications",
				admin, "{\"kind\":\"PERSON\",\"name\":\"申请人" + tag + "\",\"phone\":\"" + MemberFixture.phone() + "\"}"));
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		DuesFixture.schedule(port, admin, chamber, year, "500");
		long run = Json.number(DuesFixture.bill(port, admin, chamber, year), "$.id");
		long bill = jdbc.sql("select id from dues_bill where membership_id = :m").param("m", membership).query(Long.class)
			.single();
		long payment = DuesFixture.pay(port, admin, bill, "100");
		long kase = CaseFixture.caseId(Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "100"))
			.body());
		Api.postFile(port, "/api/v1/cases/" + kase + "/attachments", admin, "收据.txt", new byte[] { 1 });
		long attachment = jdbc.sql("select id from case_attachment where case_id = :c").param("c", kase).query(Long.class)
			.single();
		long visit = Json.number(Api.post(port, "/api/v1/visits", admin, "{\"orgId\":" + chamber + ",\"partyId\":" + person
				+ ",\"year\":" + year + ",\"quarter\":1,\"visitors\":\"张三\"}").body(), "$.id");

		pathIds.putAll(Map.ofEntries(Map.entry("organizations", chamber), Map.entry("parties", person),
				Map.entry("members", person), Map.entry("memberships", membership), Map.entry("join-applications", application),
				Map.entry("applications", application), Map.entry("bills", bill), Map.entry("payments", payment),
				Map.entry("entries", payment), Map.entry("billing-runs", run), Map.entry("cases", kase),
				Map.entry("attachments", attachment), Map.entry("visits", visit), Map.entry("leads", enterprise),
				Map.entry("unchecked", chamber), Map.entry("half-write", chamber), Map.entry("join", chamber))
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
		defaults.putAll(Map.ofEntries(Map.entry("name", "坏输入测试"), Map.entry("orgId", "" + chamber),
				Map.entry("partyId", "" + person), Map.entry("enterpriseId", "" + enterprise),
				Map.entry("survivorId", "" + person), Map.entry("visitId", "" + visit), Map.entry("parentId", "" + countyOrg),
				Map.entry("regionCode", "130102"), Map.entry("industryCode", "13"), Map.entry("kind", "PERSON"),
				Map.entry("gender", "FEMALE"), Map.entry("role", "MEMBER"), Map.entry("joinedOn", "2024-03-01"),
				Map.entry("year", "" + year), Map.entry("quarter", "1"), Map.entry("amount", "1"),
				Map.entry("paidOn", "2025-01-02"), Map.entry("method", "CASH"), Map.entry("email", "x@example.com"),
				Map.entry("version", "0"), Map.entry("phone", MemberFixture.phone()),
				Map.entry("idNumber", MemberFixture.identityNumber()), Map.entry("creditCode", MemberFixture.creditCode())));

		var countyAccount = new TestAccounts(accounts).createIn(countyOrg, Role.FEDERATION_ADMIN);
		county = new Caller(fixture.tokenIn(countyOrg, Role.FEDERATION_ADMIN),
				WebSession.signedIn(port, countyAccount.getUsername(), TestAccounts.PASSWORD));
		var sa = accounts.create(new NewAccount("sa" + tag, "坏输入系统管理员", TestAccounts.PASSWORD, null,
				Set.of(Role.SYSTEM_ADMIN), false));
		system = new Caller(tokens.create(sa.id(), "bad input walk").secret(),
				WebSession.signedIn(port, sa.getUsername(), TestAccounts.PASSWORD));
		operations = BadInputWalker.discover(JsonMapper.builder().build().readTree(county.web().get("/v3/api-docs").body()),
				mappings);
		counter = WriteCounter.install(jdbc);
	}

	@AfterAll
	void removeTheCounter() {
		if (counter != null) {
			counter.close();
		}
	}

	@Test
	void noBadInputIsA500OrChangesTheDatabaseWhenRefused() {
		long started = System.nanoTime();
		BadInputWalker walker = walker();
		operations.stream().filter(op -> !op.bean().isAnnotationPresent(DeliberatelyUnchecked.class)).forEach(walker::walk);
		System.out.printf("Bad-input walk: %d operations, %d requests in %d s, %d failures%n", walker.walked.size(),
				walker.requests, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), walker.failures.size());
		walker.failures.forEach(failure -> System.out.println("  FAILED " + failure));
		if (System.getenv("BAD_INPUT_WALK_VERBOSE") != null) {
			walker.statuses.forEach((op, statuses) -> System.out.println("  answers " + op + " " + statuses));
		}
		assertThat(walker.walked).as("the walk reached the API's writes and the pages' forms")
			.contains("POST /api/v1/members", "PUT /api/v1/organizations/{id}", "POST /api/v1/parties/{id}/merge",
					"POST /members/new", "POST /join/{orgId}", "POST /dues/bills/{id}/payments", "POST /visits",
					"POST /members/import")
			.hasSizeGreaterThan(100);
		assertThat(county.web().get("/dues").statusCode()).as("the page session stayed signed in").isEqualTo(200);
		assertThat(walker.failures).as("5xx answers, and refusals that changed the database").isEmpty();
	}

	@Test
	void theWalkCatchesAnEndpointThatChecksNothing() {
		BadInputWalker walker = walker();
		operations.stream().filter(op -> op.bean().isAnnotationPresent(DeliberatelyUnchecked.class)).forEach(walker::walk);
		assertThat(walker.failures).as(String.join("\n", walker.failures))
			.anyMatch(f -> f.startsWith("POST /api/v1/test-fixture/unchecked/{id} [text = 20,001 characters] -> 500"))
			.anyMatch(f -> f.startsWith("POST /api/v1/test-fixture/half-write/{id} [text = 20,001 characters] -> 422 but wrote"));
	}

	private BadInputWalker walker() {
		return new BadInputWalker(port, counter, county, system, key -> {
			String segment = key.substring(0, key.indexOf('/'));
			String variable = key.substring(key.indexOf('/') + 1);
			return switch (variable) {
				case "code" -> ownTownship;
				case "kind" -> "COMPLAINT";
				case "key" -> "case.cases";
				case "token" -> "nosuchtoken";
				case "enterpriseId" -> pathIds.get("leads");
				case "entryId" -> pathIds.get("entries");
				case "orgId" -> pathIds.get("organizations");
				default -> pathIds.getOrDefault(segment, pathIds.get("organizations"));
			};
		}, defaults);
	}

}
