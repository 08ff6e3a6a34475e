package org.chamberlink.casework;

import java.net.http.HttpResponse;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.Json;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint's story in a catering chamber of a test's own tree, told up to the step a test
 * needs: filed by the chamber for its member 王建国, accepted with a clerk as handler, offered to the
 * county, taken by the county, resolved there. The member and the clerk have e-mail addresses of
 * this story alone, so the mail they get is theirs.
 */
final class Complaint {

	final TestTree tree;

	final String admin;

	final String county;

	final AccountPrincipal clerk;

	final String clerkEmail;

	final long person;

	final String personEmail;

	private final int port;

	private long id;

	Complaint(int port, OrganizationFixture fixture, JdbcClient jdbc) {
		this.port = port;
		this.tree = fixture.tree("餐饮");
		this.admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		this.county = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		this.clerk = tree.account(tree.chamber(), Role.STAFF);
		this.clerkEmail = "clerk" + clerk.id() + "@example.com";
		jdbc.sql("update user_account set email = :e where id = :id").param("e", clerkEmail).param("id", clerk.id()).update();
		this.person = MemberFixture.person(port, admin, tree.chamber(), "王建国", MemberFixture.identityNumber(),
				MemberFixture.phone());
		this.personEmail = "wang" + person + "@example.com";
		jdbc.sql("update party_contact set email = :e where party_id = :id").param("e", personEmail).param("id", person)
			.update();
	}

	long id() {
		return id;
	}

	/** Files the complaint (¥52,000 involved); returns the response. */
	String filed() {
		String body = Json.createdBody(Api.post(port, "/api/v1/cases", admin,
				CaseFixture.complaintJson(tree.chamber(), person, "52,000")));
		id = CaseFixture.caseId(body);
		return body;
	}

	String accepted() {
		filed();
		return ok(post(admin, "/accept", "{\"handlerAccountId\":" + clerk.id() + ",\"comment\":\"已联系会员了解情况\"}"));
	}

	String offeredToTheCounty() {
		accepted();
		return ok(post(admin, "/transfer", "{\"toOrgId\":" + tree.county() + ",\"reason\":\"涉及行政部门，需区工商联协调\"}"));
	}

	String takenByTheCounty() {
		offeredToTheCounty();
		return ok(post(county, "/transfer/accept", "{\"comment\":\"区工商联维权中心接办\"}"));
	}

	String resolvedByTheCounty() {
		takenByTheCounty();
		return ok(post(county, "/resolve", "{\"outcome\":\"协调市场监管所退还检测费\",\"amountRecovered\":\"48000\"}"));
	}

	/** A request on this case ("/accept", "" for the case itself …) with a token. */
	HttpResponse<String> post(String token, String action, String json) {
		return Api.post(port, "/api/v1/cases/" + id + action, token, json);
	}

	HttpResponse<String> get(String token) {
		return Api.get(port, "/api/v1/cases/" + id, token);
	}

	private static String ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
