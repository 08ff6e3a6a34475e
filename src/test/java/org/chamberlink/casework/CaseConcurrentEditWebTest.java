package org.chamberlink.casework;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two staff on one case at once (issue 23, decision 54): both open the case; the first names a
 * counsel, the second — whose page still shows the case before that — names another. The second
 * save does not silently overwrite the first: 409, the case's page again with what was typed still
 * in the form and the message that someone else changed the case; the first one's counsel stays.
 * Sent again from that page (which now shows the new version) it saves. The same for the handler,
 * and for the API when the caller sends the version it saw.
 */
@IntegrationTest
@Tag("database")
class CaseConcurrentEditWebTest {

	private static final Pattern VERSION = Pattern.compile(
			"data-testid=\"counsel-form\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"");

	private static final Pattern ASSIGN_VERSION = Pattern.compile(
			"data-testid=\"assign-form\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSecondSaveOfTwoStaffIsRefusedWith409AndItsFormKept() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("并发编辑");
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long person = MemberFixture.person(port, token, tree.chamber(), "周启明", MemberFixture.identityNumber(),
				MemberFixture.phone());
		var filed = Api.post(port, "/api/v1/cases", token, CaseFixture.complaintJson(tree.chamber(), person, "8000"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		long id = CaseFixture.caseId(filed.body());
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/accept", token, "{}").statusCode()).isEqualTo(200);
		AccountPrincipal secretary = tree.account(tree.chamber(), Role.CHAMBER_ADMIN);
		AccountPrincipal clerk = tree.account(tree.chamber(), Role.STAFF);
		WebSession first = WebSession.signedIn(port, secretary.getUsername(), TestAccounts.PASSWORD);
		WebSession second = WebSession.signedIn(port, clerk.getUsername(), TestAccounts.PASSWORD);

		String seenByFirst = version(VERSION, first.get("/cases/" + id).body());
		String seenBySecond = version(VERSION, second.get("/cases/" + id).body());
		assertThat(first.postForm("/cases/" + id + "/counsel", Map.of("counselName", "张律师", "version", seenByFirst))
			.statusCode()).isEqualTo(302);

		var refused = second.postForm("/cases/" + id + "/counsel", Map.of("counselName", "李律师", "version", seenBySecond));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("其他人已修改了此案件，您的这次修改未保存", "value=\"李律师\"");
		assertThat(counsel(id)).as("the first save stands").isEqualTo("张律师");

		// sent again from the refused page, which shows the case as it is now
		String now = version(VERSION, refused.body());
		assertThat(now).isNotEqualTo(seenBySecond);
		assertThat(second.postForm("/cases/" + id + "/counsel", Map.of("counselName", "李律师", "version", now))
			.statusCode()).isEqualTo(302);
		assertThat(counsel(id)).isEqualTo("李律师");

		// the handler: the same
		String assignSeen = version(ASSIGN_VERSION, second.get("/cases/" + id).body());
		assertThat(first.postForm("/cases/" + id + "/assign", Map.of("handlerAccountId", secretary.id().toString(),
				"version", version(ASSIGN_VERSION, first.get("/cases/" + id).body()))).statusCode()).isEqualTo(302);
		var assignRefused = second.postForm("/cases/" + id + "/assign",
				Map.of("handlerAccountId", clerk.id().toString(), "version", assignSeen));
		assertThat(assignRefused.statusCode()).isEqualTo(409);
		assertThat(assignRefused.body()).contains("其他人已修改了此案件");
		assertThat(handler(id)).isEqualTo(secretary.id());

		// the API: with the version the caller saw, 409; without one, as before
		long stale = Long.parseLong(assignSeen);
		var api = Api.post(port, "/api/v1/cases/" + id + "/counsel", token,
				"{\"counselName\":\"王律师\",\"version\":" + stale + "}");
		assertThat(api.statusCode()).isEqualTo(409);
		assertThat(api.body()).contains("\"status\":409");
		assertThat(counsel(id)).isEqualTo("李律师");
		long current = Json.number(Api.get(port, "/api/v1/cases/" + id, token).body(), "$.caseView.version");
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/counsel", token,
				"{\"counselName\":\"王律师\",\"version\":" + current + "}").statusCode()).isEqualTo(200);
		assertThat(Api.post(port, "/api/v1/cases/" + id + "/counsel", token, "{\"counselName\":\"赵律师\"}").statusCode())
			.isEqualTo(200);
		assertThat(counsel(id)).isEqualTo("赵律师");
	}

	private static String version(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as("the form carries the case's version").isTrue();
		return matcher.group(1);
	}

	private String counsel(long id) {
		return jdbc.sql("select counsel_name from service_case where id = :id").param("id", id).query(String.class).single();
	}

	private Long handler(long id) {
		return jdbc.sql("select handler_account_id from service_case where id = :id").param("id", id)
			.query(Long.class).single();
	}

}
