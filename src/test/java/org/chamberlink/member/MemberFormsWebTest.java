package org.chamberlink.member;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlink.support.Refusals.assertApiRefused;
import static org.chamberlink.support.Refusals.assertFormKept;

/**
 * Decision 25 for members: the forms on a member's page and the public join page keep what was
 * typed when refused, the message on its field, and write nothing.
 */
@IntegrationTest
@Tag("database")
class MemberFormsWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

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
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "会员表单省工商联" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区印刷商会", "130102", county);
		token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		person = MemberFixture.person(port, token, chamber, "冯建国", MemberFixture.identityNumber(), MemberFixture.phone());
		staff = WebSession.signedIn(port,
				new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN).getUsername(), TestAccounts.PASSWORD);
		staff.get("/members/" + person);
	}

	@Test
	void theApiRefusesABadMailAddressWith422NamingIt() {
		assertApiRefused(Api.put(port, "/api/v1/parties/" + person + "/email", token, "{\"email\":\"不是邮箱\"}"), "email",
				"电子邮箱：格式不正确");
		assertThat(email()).isZero();
	}

	@Test
	void aBadMailAddressComesBackOnTheMembersPageAsTyped() {
		var page = staff.postForm("/members/" + person + "/email", Map.of("email", "feng at example"));
		assertFormKept(page, "email", "电子邮箱：格式不正确", "feng at example");
		assertThat(email()).isZero();
	}

	@Test
	void anUnknownCompanyLedComesBackWithTheCodeTyped() {
		String code = MemberFixture.creditCode();
		var page = staff.postForm("/members/" + person + "/leads", Map.of("creditCode", code));
		assertFormKept(page, "creditCode", "没有代码为 " + code, code);
		assertThat(jdbc.sql("select count(*) from party_leader where person_id = :p").param("p", person).query(Long.class)
			.single()).isZero();
	}

	@Test
	void leavingWithoutReasonComesBackWithTheDateTypedAndTheMembershipStands() {
		long membership = jdbc.sql("select id from membership where party_id = :p").param("p", person).query(Long.class)
			.single();
		long version = jdbc.sql("select version from membership where id = :m").param("m", membership).query(Long.class)
			.single();
		var page = staff.postForm("/memberships/" + membership, Map.of("version", Long.toString(version), "leftOn",
				"2026-06-30", "leaveReason", ""));
		assertFormKept(page, "leaveReason", "请填写退会原因", "2026-06-30");
		assertThat(jdbc.sql("select left_on is null from membership where id = :m").param("m", membership)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void theJoinPageKeepsWhatTheApplicantTyped() {
		WebSession applicant = new WebSession(port);
		applicant.get("/join/" + chamber);
		var page = applicant.postForm("/join/" + chamber, Map.of("kind", "ENTERPRISE", "name", "长安彩印厂", "creditCode",
				"123", "phone", "13812345678", "enterpriseKind", "PRIVATE_ENTERPRISE", "contactName", "冯师傅"));
		assertFormKept(page, "creditCode", "统一社会信用代码", "长安彩印厂", "123", "冯师傅");
		assertThat(jdbc.sql("select count(*) from join_application where org_id = :o").param("o", chamber)
			.query(Long.class).single()).isZero();
	}

	private long email() {
		return jdbc.sql("select count(*) from party_contact where party_id = :p and email is not null").param("p", person)
			.query(Long.class).single();
	}

}
