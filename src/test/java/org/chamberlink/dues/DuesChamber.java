package org.chamberlink.dues;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A building-materials chamber of a test's own tree with three members: an enterprise (member,
 * ¥500 a year), a person (vice-president, ¥10,000) and an enterprise that joined on 1 July (billed
 * for six months). Its administrator's token does the work, as an integration would.
 */
final class DuesChamber {

	static final int YEAR = LocalDate.now(ChinaTime.ZONE).getYear();

	final TestTree tree;

	final String admin;

	final long enterprise;

	final long person;

	final long joiner;

	private final int port;

	private final JdbcClient jdbc;

	private DuesChamber(int port, JdbcClient jdbc, TestTree tree) {
		this.port = port;
		this.jdbc = jdbc;
		this.tree = tree;
		this.admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		this.enterprise = MemberFixture.enterprise(port, admin, tree.chamber(), "石家庄华北建材有限公司",
				MemberFixture.creditCode(), MemberFixture.phone());
		this.person = MemberFixture.person(port, admin, tree.chamber(), "王秀英", MemberFixture.identityNumber(),
				MemberFixture.phone());
		this.joiner = MemberFixture.created(Api.post(port, "/api/v1/members", admin, "{\"kind\":\"ENTERPRISE\",\"orgId\":"
				+ tree.chamber() + ",\"name\":\"长安新材料有限公司\",\"creditCode\":\"" + MemberFixture.creditCode()
				+ "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\",\"industryCode\":\"13\",\"regionCode\":\"130102\""
				+ ",\"role\":\"MEMBER\",\"joinedOn\":\"" + YEAR + "-07-01\"}"));
	}

	static DuesChamber arrange(int port, OrganizationFixture fixture, JdbcClient jdbc) {
		return new DuesChamber(port, jdbc, fixture.tree("建材"));
	}

	long chamber() {
		return tree.chamber();
	}

	/** Schedules the year (members ¥500) and bills it; returns the finished run as JSON. */
	String billed(int year) {
		DuesFixture.schedule(port, admin, chamber(), year, "500");
		return DuesFixture.bill(port, admin, chamber(), year);
	}

	long billOf(long party, int year) {
		return jdbc.sql("select id from dues_bill where party_id = :p and year = :y").param("p", party).param("y", year)
			.query(Long.class).single();
	}

	long membershipOf(long party) {
		return jdbc.sql("select id from membership where party_id = :p").param("p", party).query(Long.class).single();
	}

	HttpResponse<String> pay(long bill, String amount, String method, String reference) {
		return Api.post(port, "/api/v1/dues/bills/" + bill + "/payments", admin,
				DuesFixture.paymentJson(amount, method, reference));
	}

	/** Records a payment that must succeed; returns its ledger entry (= receipt) id. */
	long paid(long bill, String amount, String method, String reference) {
		HttpResponse<String> response = pay(bill, amount, method, reference);
		return Json.number(Json.createdBody(response), "$.entryId");
	}

	String bill(long bill) {
		return Api.get(port, "/api/v1/dues/bills/" + bill, admin).body();
	}

	String standing(long party) {
		return Api.get(port, "/api/v1/memberships/" + membershipOf(party) + "/dues-standing", admin).body();
	}

}
