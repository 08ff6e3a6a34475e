package org.chamberlink.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, decision 30: input no person would type — a NUL character, a body that is not JSON,
 * a value of the wrong type, a date the calendar does not have — is refused naming the field,
 * never a 500, and writes nothing.
 */
@IntegrationTest
class BadInputWebTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	long chamber;

	long person;

	String token;

	WebSession staff;

	@BeforeEach
	void aChamberWithAPerson() {
		OrganizationFixture fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "坏输入省工商联" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区坏输入商会" + System.nanoTime(), "130102", county);
		token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		person = MemberFixture.person(port, token, chamber, "冯建国", MemberFixture.identityNumber(), MemberFixture.phone());
		staff = WebSession.signedIn(port, new TestAccounts(accounts).createIn(chamber, Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
	}

	// cause 1: NUL

	@Test
	void aNulInAJsonTextFieldIsA400NamingTheField() {
		var response = Api.post(port, "/api/v1/members", token, personJson("\"张\\u0000三\""));
		assertField(response, 400, "name", "NUL");
		assertThat(parties("张%")).isZero();
	}

	@Test
	void aNulInAFormFieldOrQueryParameterIsRefusedBeforeAnythingIsWritten() {
		staff.get("/members/new");
		Map<String, String> form = personForm();
		form.put("name", "张\u0000三");
		assertThat(staff.postForm("/members/new", form).statusCode()).isEqualTo(400);
		WebSession visitor = new WebSession(port);
		visitor.get("/join/" + chamber);
		var join = visitor.postForm("/join/" + chamber, Map.of("kind", "PERSON", "name", "李\u0000四", "phone",
				MemberFixture.phone(), "contactName", "李四"));
		assertThat(join.statusCode()).isEqualTo(400);
		assertField(Api.get(port, "/api/v1/members?keyword=%00", token), 400, "keyword", "NUL");
		assertThat(parties("张%")).isZero();
		assertThat(jdbc.sql("select count(*) from join_application where org_id = :o").param("o", chamber)
			.query(Long.class).single()).isZero();
	}

	/** Tomcat refuses the name before the application sees it, so it cannot be cleaned: a 400 naming the file. */
	@Test
	void aNulInAnAttachmentsFileNameIsA400NamingTheFile() {
		long kase = CaseFixture.caseId(Api.post(port, "/api/v1/cases", token, CaseFixture.complaintJson(chamber, person, "100"))
			.body());
		var upload = Api.postFile(port, "/api/v1/cases/" + kase + "/attachments", token, "收据\u0000.txt", new byte[] { 1 });
		assertField(upload, 400, "file", "文件名");
		var clean = Api.postFile(port, "/api/v1/cases/" + kase + "/attachments", token, "收据\u0007.txt", new byte[] { 1 });
		assertThat(clean.statusCode()).as(clean.body()).isLessThan(300);
		assertThat(jdbc.sql("select file_name from case_attachment where case_id = :c").param("c", kase).query(String.class)
			.single()).isEqualTo("收据.txt");
	}

	// cause 5: bodies that cannot be read, wrong types

	@Test
	void aMergeWhoseBodyCannotBeReadIsA400() {
		for (String body : List.of("{", "", "null", "[]", "{\"duplicateIds\":\"x\"}", "{\"duplicateIds\":{}}",
				"[".repeat(5000) + "]".repeat(5000), "{\"duplicateIds\":" + "[".repeat(3000) + "]".repeat(3000) + "}")) {
			var response = Api.post(port, "/api/v1/parties/" + person + "/merge", token, body);
			assertThat(response.statusCode()).as(body.length() > 40 ? "deep nesting" : body).isEqualTo(400);
			assertThat(response.body()).contains("请求");
		}
		var invalidUtf8 = send("POST", "/api/v1/parties/" + person + "/merge", "application/json",
				new byte[] { '{', '"', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
		assertThat(invalidUtf8.statusCode()).isEqualTo(400);
		assertField(Api.post(port, "/api/v1/parties/abc/merge", token, "{}"), 400, "id", "格式不正确");
		assertField(Api.post(port, "/api/v1/parties/" + person + "/merge", token, "{\"duplicateIds\":[\"x\"]}"), 400,
				"duplicateIds[0]", "类型");
	}

	@Test
	void aBooleanForATextFieldIsA400NamingTheFieldNotTheTextTrue() {
		assertField(Api.post(port, "/api/v1/members", token, personJson("true")), 400, "name", "类型");
		assertThat(parties("true")).isZero();
	}

	// cause 6: page forms whose values do not convert

	@Test
	void aValueThatDoesNotConvertIsAFieldErrorOnTheMemberForm() {
		staff.get("/members/new");
		Map<String, String> expected = Map.of("joinedOn", "入会日期", "employees", "从业人数", "kind", "会员类别",
				"orgId", "所属组织");
		for (var bad : Map.of("joinedOn", "2026-02-30", "employees", "abc", "kind", "NOPE", "orgId", "abc").entrySet()) {
			Map<String, String> form = personForm();
			form.put(bad.getKey(), bad.getValue());
			var page = staff.postForm("/members/new", form);
			assertThat(page.statusCode()).as(bad.toString()).isEqualTo(422);
			assertThat(Refusals.fieldMessage(page.body(), bad.getKey()).isEmpty()
					? page.body() : Refusals.fieldMessage(page.body(), bad.getKey()))
				.as(bad.toString())
				.contains("格式不正确");
		}
		var edit = staff.postForm("/members/" + person + "/edit", Map.of("name", "冯建国", "version", "abc"));
		assertThat(edit.statusCode()).isEqualTo(422);
		assertThat(edit.body()).contains("格式不正确");
		assertThat(parties("张三")).isZero();
	}

	@Test
	void aValueThatDoesNotConvertIsAFieldErrorOnTheJoinPage() {
		WebSession visitor = new WebSession(port);
		visitor.get("/join/" + chamber);
		var page = visitor.postForm("/join/" + chamber, Map.of("kind", "NOPE", "name", "李四", "phone",
				MemberFixture.phone(), "contactName", "李四"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("格式不正确");
	}

	@Test
	void aSingleParameterOfAPageFormThatDoesNotConvertIsNamedOnThe400Page() {
		staff.get("/visits");
		var page = staff.postForm("/visits", Map.of("orgId", Long.toString(chamber), "partyId", Long.toString(person),
				"year", "abc", "quarter", "1", "visitors", "张三"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("“年度”的格式不正确");
	}

	@Test
	void anUploadOverTheLimitIsAProblemDetailForTheApi() {
		long kase = CaseFixture.caseId(Api.post(port, "/api/v1/cases", token, CaseFixture.complaintJson(chamber, person, "100"))
			.body());
		var upload = Api.postFile(port, "/api/v1/cases/" + kase + "/attachments", token, "大.bin", new byte[22 * 1024 * 1024]);
		assertThat(upload.statusCode()).isEqualTo(413);
		assertThat(upload.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertThat(upload.body()).contains("20 MB");
	}

	// cause 2: text without a length check

	@Test
	void textOverItsColumnIsRefusedNamingTheField() {
		String huge = "长".repeat(100_000);
		long membership = jdbc.sql("select id from membership where party_id = :p").param("p", person).query(Long.class)
			.single();
		Refusals.assertApiRefused(Api.put(port, "/api/v1/memberships/" + membership, token,
				"{\"role\":\"MEMBER\",\"leftOn\":\"2025-01-01\",\"leaveReason\":\"" + huge + "\",\"version\":0}"),
				"leaveReason", "“退会原因”最多 200 个字");
		Refusals.assertApiRefused(Api.put(port, "/api/v1/memberships/" + membership, token,
				"{\"role\":\"MEMBER\",\"tier\":\"CORE\",\"tierReason\":\"" + huge + "\",\"version\":0}"),
				"tierReason", "“层级调整理由”最多 200 个字");
		Refusals.assertApiRefused(Api.post(port, "/api/v1/organizations/" + chamber + "/join-applications", token,
				"{\"kind\":\"PERSON\",\"name\":\"李四\",\"phone\":\"" + MemberFixture.phone() + "\",\"contactName\":\""
						+ huge + "\"}"), "contactName", "“联系人”最多 50 个字");
		assertThat(jdbc.sql("select count(*) from membership where id = :m and left_on is null and tier_reason is null")
			.param("m", membership).query(Long.class).single()).isEqualTo(1);
	}

	// cause 3: a person's industry code

	@Test
	void anIndustryCodeNotInTheListIsRefusedForAPersonToo() {
		for (String code : List.of("999", "99", "😀")) {
			Refusals.assertApiRefused(Api.post(port, "/api/v1/members", token, personJson("\"张三\"").replace("\"gender\"",
					"\"industryCode\":\"" + code + "\",\"gender\"")), "industryCode", "行业");
		}
		assertThat(parties("张三")).isZero();
	}

	// cause 4: numbers beyond their column

	@Test
	void anOfficeAreaBeyondItsColumnIsRefusedNamingIt() throws Exception {
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		var org = (tools.jackson.databind.node.ObjectNode) mapper.readTree(Api.get(port, "/api/v1/organizations/" + chamber,
				token).body());
		org.put("unregisteredReason", "尚未登记");
		for (String area : List.of("2147483648", "1e30")) {
			org.put("officeArea", new java.math.BigDecimal(area));
			Refusals.assertApiRefused(Api.put(port, "/api/v1/organizations/" + chamber, token, mapper.writeValueAsString(org)),
					"officeArea", "不能大于");
		}
		assertThat(jdbc.sql("select office_area from organization where id = :o").param("o", chamber)
			.query(java.math.BigDecimal.class).optional()).isEmpty();
	}

	// cause 8: dates the calendar does not have or the system cannot mean

	@Test
	void aDateOutsideThePlausibleRangeIsRefusedSayingTheRange() {
		for (String date : List.of("0000-01-01", "+99999-01-01", "9999-12-31", "1899-12-31")) {
			assertField(Api.post(port, "/api/v1/members", token, personJson("\"张三\"").replace("2024-01-01", date)), 400,
					"joinedOn", "1900-01-01 至 2099-12-31");
		}
		assertField(Api.post(port, "/api/v1/members", token, personJson("\"张三\"").replace("2024-01-01", "2023-02-30")), 400,
				"joinedOn", "类型或格式");
		staff.get("/members/new");
		Map<String, String> form = personForm();
		form.put("joinedOn", "0000-01-01");
		var page = staff.postForm("/members/new", form);
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(Refusals.fieldMessage(page.body(), "joinedOn")).contains("入会日期", "1900-01-01");
		assertThat(parties("张三")).isZero();
	}

	@Test
	void aDateParameterOfAPageOutsideTheRangeIsRefusedOnItsField() {
		long visit = org.chamberlink.support.Json.number(Api.post(port, "/api/v1/visits", token, "{\"orgId\":" + chamber
				+ ",\"partyId\":" + person + ",\"year\":2026,\"quarter\":1,\"visitors\":\"张三\"}").body(), "$.id");
		staff.get("/visits");
		var page = staff.postForm("/visits/" + visit + "/complete", Map.of("visitedOn", "0000-01-01", "findings", "经营正常"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("“走访日期”须是 1900-01-01 至 2099-12-31 之间的真实日期");
		assertThat(jdbc.sql("select state from visit where id = :v").param("v", visit).query(String.class).single())
			.isEqualTo("PLANNED");
	}

	@Test
	void anImportCellIsReadStrictlyAndWithinTheRange() {
		assertThat(org.chamberlink.shared.CalendarDates.read("2023-02-30")).isNull();
		assertThat(org.chamberlink.shared.CalendarDates.read("0000-01-01")).isNull();
		assertThat(org.chamberlink.shared.CalendarDates.read("2023/2/28")).isEqualTo(java.time.LocalDate.of(2023, 2, 28));
		assertThat(org.chamberlink.shared.CalendarDates.read("2023年5月1日")).isEqualTo(java.time.LocalDate.of(2023, 5, 1));
		assertThat(org.chamberlink.shared.CalendarDates.read("45047")).isEqualTo(java.time.LocalDate.of(2023, 5, 1));
	}

	private Map<String, String> personForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("kind", "PERSON");
		form.put("orgId", Long.toString(chamber));
		form.put("name", "张三");
		form.put("gender", "FEMALE");
		form.put("idNumber", MemberFixture.identityNumber());
		form.put("role", "MEMBER");
		form.put("joinedOn", "2024-01-01");
		return form;
	}

	private String personJson(String name) {
		return "{\"kind\":\"PERSON\",\"orgId\":" + chamber + ",\"name\":" + name + ",\"gender\":\"FEMALE\",\"idNumber\":\""
				+ MemberFixture.identityNumber() + "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}";
	}

	private long parties(String namePattern) {
		return jdbc.sql("select count(*) from party p join membership m on m.party_id = p.id where m.org_id = :o "
				+ "and p.name like :n").param("o", chamber).param("n", namePattern).query(Long.class).single();
	}

	private HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", contentType)
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static void assertField(HttpResponse<String> response, int status, String field, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		List<Map<String, String>> errors = JsonPath.read(response.body(), "$.errors");
		assertThat(errors).as(response.body()).anySatisfy(error -> {
			assertThat(error.get("field")).isEqualTo(field);
			assertThat(error.get("message")).contains(message);
		});
	}

}
