package org.chamberlink.member;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's personal data through the API (PIPL): identity numbers and phones encrypted at rest
 * and shown masked, revealed in full only to an administrator of the member's own subtree, every
 * reveal audited. Each test works in an organisation tree of its own ({@link TestTree}).
 */
@IntegrationTest
@Tag("database")
class MemberPersonalDataApiWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	OrganizationFixture fixture;

	long chamber;

	long neighbour;

	@BeforeEach
	void organizations() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		TestTree tree = fixture.tree("建材");
		chamber = tree.chamber();
		neighbour = tree.neighbour();
	}

	@Test
	void theIdentityNumberIsShownMaskedAndNoColumnHoldsItOrThePhoneInClear() {
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String idNumber = MemberFixture.identityNumber();
		String personPhone = MemberFixture.phone();
		long person = MemberFixture.person(port, admin, chamber, "王秀英", idNumber, personPhone);

		String detail = Api.get(port, "/api/v1/parties/" + person, admin).body();
		assertThat(Json.text(detail, "$.idNumberMasked"))
			.isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
		assertThat(detail).doesNotContain(idNumber);

		// At rest: no column of the row holds the number or phone in clear, not even inside the ciphertext.
		Map<String, Object> row = jdbc.sql("select * from party where id = :id").param("id", person).query().singleRow();
		for (Object value : row.values()) {
			String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
			assertThat(text).doesNotContain(idNumber).doesNotContain(personPhone);
		}
	}

	@Test
	void anAdministratorRevealsTheIdentityNumberAndTheRevealIsAudited() {
		String idNumber = MemberFixture.identityNumber();
		long person = person("李建国", idNumber);

		var revealed = Api.post(port, "/api/v1/parties/" + person + "/reveal?field=ID_NUMBER",
				fixture.tokenIn(chamber, Role.CHAMBER_ADMIN), "");
		assertThat(revealed.statusCode()).isEqualTo(200);
		assertThat(revealed.body()).contains(idNumber);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'REVEAL' and entity_type = 'Party' "
				+ "and entity_id = :id and summary = 'ID_NUMBER'").param("id", Long.toString(person))
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void staffMayNotReveal() {
		long person = person("李建国", MemberFixture.identityNumber());
		String staff = fixture.tokenIn(chamber, Role.STAFF);
		assertThat(Api.post(port, "/api/v1/parties/" + person + "/reveal?field=ID_NUMBER", staff, "").statusCode())
			.isEqualTo(403);
	}

	@Test
	void theNeighbouringChamberNeitherRevealsNorFindsTheMember() {
		long person = person("李建国", MemberFixture.identityNumber());
		String neighbourAdmin = fixture.tokenIn(neighbour, Role.CHAMBER_ADMIN);
		assertThat(Api.post(port, "/api/v1/parties/" + person + "/reveal?field=ID_NUMBER", neighbourAdmin, "")
			.statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/parties/" + person, neighbourAdmin).statusCode()).isEqualTo(404);
		assertThat(names(Api.get(port, "/api/v1/members?keyword=李建国", neighbourAdmin).body())).doesNotContain("李建国");
	}

	private long person(String name, String idNumber) {
		return MemberFixture.person(port, fixture.tokenIn(chamber, Role.CHAMBER_ADMIN), chamber, name, idNumber,
				MemberFixture.phone());
	}

	private static List<String> names(String page) {
		return Json.read(page, "$.content[*].name");
	}

}
