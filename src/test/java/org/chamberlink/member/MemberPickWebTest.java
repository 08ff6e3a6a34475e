package org.chamberlink.member;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member picker's search (issue 15) finds the current members of the caller's subtree as the
 * member list's keyword does, once per member; a member of the neighbouring county is not found,
 * the answer the same as for a name that exists nowhere. A refused member form draws the
 * organisation chosen with its name again.
 */
@IntegrationTest
class MemberPickWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TestTree tree;

	WebSession county;

	String creditCode;

	long enterprise;

	String marker;

	@BeforeEach
	void membersOnBothSides() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("会员拣选");
		marker = "拣选企业" + tree.tag();
		creditCode = MemberFixture.creditCode();
		enterprise = MemberFixture.enterprise(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(),
				marker + "本会有限公司", creditCode, MemberFixture.phone());
		MemberFixture.enterprise(port, tree.token(tree.neighbour(), Role.CHAMBER_ADMIN), tree.neighbour(),
				marker + "邻会有限公司", MemberFixture.creditCode(), MemberFixture.phone());
		county = WebSession.signedIn(port, tree.account(tree.county(), Role.FEDERATION_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
	}

	@Test
	void partOfANameFindsTheMemberWithItsOrganisationAndCode() {
		List<Map<String, String>> found = Json.read(county.getJson("/pick/members?q=" + encode(marker)).body(), "$");
		assertThat(found).containsExactly(Map.of("value", Long.toString(enterprise), "label", marker + "本会有限公司",
				"detail", "长安区会员拣选商会" + tree.tag() + " · " + creditCode));
	}

	@Test
	void theNeighboursMemberIsNotFoundAsANameThatExistsNowhere() {
		String neighbour = county.getJson("/pick/members?q=" + encode(marker + "邻会")).body();
		String nowhere = county.getJson("/pick/members?q=" + encode(marker + "无此企业")).body();
		assertThat(neighbour).isEqualTo(nowhere).isEqualTo("[]");
	}

	@Test
	void enterprisesAreChosenByTheirCreditCode() {
		List<String> values = Json.read(county.getJson("/pick/members?enterprises=true&q=" + encode(marker)).body(),
				"$[*].value");
		assertThat(values).containsExactly(creditCode);
	}

	@Test
	void aRefusedMemberKeepsTheOrganisationChosenWithItsName() {
		county.get("/members/new?orgId=" + tree.chamber());
		var page = county.postForm("/members/new", Map.of("kind", "ENTERPRISE", "orgId", Long.toString(tree.chamber()),
				"name", "", "creditCode", MemberFixture.creditCode(), "enterpriseKind", "PRIVATE_ENTERPRISE", "role",
				"MEMBER", "joinedOn", "2026-03-01", "regionCode", "130102100"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("value=\"" + tree.chamber() + "\"", "value=\"长安区会员拣选商会" + tree.tag() + "\"",
				"value=\"130102100\"", "value=\"西兆通镇\"");
	}

	@Test
	void aChambersStaffFindItsOwnMembersAndReadOnlyLeadersMayNotSearch() {
		WebSession chamberStaff = WebSession.signedIn(port, tree.account(tree.chamber(), Role.STAFF).getUsername(),
				TestAccounts.PASSWORD);
		assertThat(Json.<List<String>>read(chamberStaff.getJson("/pick/members?q=" + encode(marker)).body(), "$[*].label"))
			.containsExactly(marker + "本会有限公司");
		assertThat(signedInAsLeader().getJson("/pick/members?q=" + encode(marker)).statusCode()).isEqualTo(403);
	}

	private WebSession signedInAsLeader() {
		return WebSession.signedIn(port, tree.account(tree.county(), Role.AUDITOR).getUsername(), TestAccounts.PASSWORD);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
