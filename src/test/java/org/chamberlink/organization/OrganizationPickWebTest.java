package org.chamberlink.organization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.NewAccount;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
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
 * The organisation and account pickers' searches (issue 15) answer within the caller's subtree:
 * a neighbouring county's chamber or account is not found, the answer the same as for a name that
 * exists nowhere; a case's transfer picker offers the organisations above its handler as well.
 * And a refused form draws the region chosen with its name again.
 */
@IntegrationTest
class OrganizationPickWebTest {

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

	@BeforeEach
	void aTreeWithANeighbour() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("拣选");
		county = signedIn(tree.county(), Role.FEDERATION_ADMIN);
	}

	@Test
	void partOfANameFindsTheOwnChamberWithWhereItIs() {
		List<Map<String, String>> found = Json.read(county.getJson("/pick/organizations?q=" + encode("拣选商会" + tree.tag()))
			.body(), "$");
		assertThat(found).containsExactly(Map.of("value", Long.toString(tree.chamber()), "label",
				"长安区拣选商会" + tree.tag(), "detail", "河北省 石家庄市 长安区"));
	}

	@Test
	void theNeighboursChamberIsNotFoundAsANameThatExistsNowhere() {
		String neighbour = county.getJson("/pick/organizations?q=" + encode("桥西区拣选商会" + tree.tag())).body();
		String nowhere = county.getJson("/pick/organizations?q=" + encode("无此商会" + tree.tag())).body();
		assertThat(neighbour).isEqualTo(nowhere).isEqualTo("[]");
		// nothing typed: the top of the caller's own subtree, never the neighbour's
		List<String> top = Json.read(county.getJson("/pick/organizations").body(), "$[*].value");
		assertThat(top).startsWith(Long.toString(tree.county())).contains(Long.toString(tree.chamber()))
			.doesNotContain(Long.toString(tree.neighbour()), Long.toString(tree.neighbourCounty()),
					Long.toString(tree.province()));
	}

	@Test
	void aTransferPickerOffersTheOrganisationsAboveTheHandlerButNotItself() {
		WebSession chamber = signedIn(tree.chamber(), Role.CHAMBER_ADMIN);
		List<String> targets = Json.read(chamber.getJson("/pick/organizations?from=" + tree.chamber()).body(),
				"$[*].value");
		assertThat(targets).containsExactly(Long.toString(tree.province()), Long.toString(tree.county()));
		// a handler outside the scope counts as none: only the caller's subtree, as for an id that exists nowhere
		String neighbour = chamber.getJson("/pick/organizations?from=" + tree.neighbour()).body();
		String nowhere = chamber.getJson("/pick/organizations?from=999999999").body();
		assertThat(neighbour).isEqualTo(nowhere);
		assertThat(Json.<List<String>>read(neighbour, "$[*].value")).containsExactly(Long.toString(tree.chamber()));
	}

	@Test
	void anAccountIsFoundByItsNameOnlyWithinTheSubtree() {
		String marker = "拣选职员" + tree.tag();
		var own = accountManagement.create(new NewAccount("pick" + System.nanoTime(), marker + "本会", TestAccounts.PASSWORD,
				tree.chamber(), Set.of(Role.STAFF), false));
		accountManagement.create(new NewAccount("pick" + System.nanoTime(), marker + "邻会", TestAccounts.PASSWORD,
				tree.neighbour(), Set.of(Role.STAFF), false));
		List<Map<String, String>> found = Json.read(county.getJson("/pick/accounts?q=" + encode(marker)).body(), "$");
		assertThat(found).containsExactly(Map.of("value", own.getUsername(), "label", marker + "本会", "detail",
				own.getUsername() + " · 长安区拣选商会" + tree.tag()));
		String neighbour = county.getJson("/pick/accounts?q=" + encode(marker + "邻会")).body();
		String nowhere = county.getJson("/pick/accounts?q=" + encode(marker + "无此人")).body();
		assertThat(neighbour).isEqualTo(nowhere).isEqualTo("[]");
	}

	@Test
	void staffMayNotSearchAccounts() {
		assertThat(signedIn(tree.county(), Role.STAFF).getJson("/pick/accounts?q=a").statusCode()).isEqualTo(403);
	}

	@Test
	void aRefusedNewChamberKeepsTheRegionChosenWithItsName() {
		county.get("/organizations/new?parentId=" + tree.county());
		var page = county.postForm("/organizations/new", Map.of("parentId", Long.toString(tree.county()), "type",
				"CHAMBER", "chamberKind", "INDUSTRY", "regionCode", "130102100", "name", " "));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("value=\"130102100\"", "value=\"西兆通镇\"", "河北省 石家庄市 长安区 · 130102100",
				"data-picker-params=\"within=130102\"");
	}

	private WebSession signedIn(long org, Role role) {
		return WebSession.signedIn(port, tree.account(org, role).getUsername(), TestAccounts.PASSWORD);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
