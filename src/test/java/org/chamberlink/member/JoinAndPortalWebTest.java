package org.chamberlink.member;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.chamberlink.shared.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joining from the chamber's public page to an approved member (or a rejection the applicant
 * can read), and a member signing in with their phone to see their own memberships only.
 */
@IntegrationTest
@Tag("database")
class JoinAndPortalWebTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	long chamber;

	long otherChamber;

	WebSession admin;

	OrganizationFixture fixture;

	@BeforeEach
	void chamber() {
		fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "入会测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		chamber = fixture.chamber("INDUSTRY", "长安区餐饮商会", "130102", county);
		otherChamber = fixture.chamber("INDUSTRY", "长安区物流商会", "130102", county);
		var user = new TestAccounts(accountManagement).createIn(chamber, Role.CHAMBER_ADMIN);
		admin = WebSession.signedIn(port, user.getUsername(), TestAccounts.PASSWORD);
	}

	@Test
	void anApplicationFromThePublicPageBecomesAMember() {
		WebSession applicant = new WebSession(port);
		assertThat(applicant.get("/join/" + chamber).body()).contains("长安区餐饮商会", "提交申请");
		var invalid = applicant.postForm("/join/" + chamber, Map.of("kind", "ENTERPRISE", "name", "", "creditCode",
				"123", "phone", "", "enterpriseKind", "PRIVATE_ENTERPRISE"));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("请填写名称/姓名", "统一社会信用代码不正确", "请填写手机号码");
		assertThat(jdbc.sql("select count(*) from join_application where org_id = :o").param("o", chamber)
			.query(Long.class).single()).isZero();

		String code = MemberFixture.creditCode();
		String phone = MemberFixture.phone();
		var submitted = applicant.postForm("/join/" + chamber, Map.of("kind", "ENTERPRISE", "name", "老街坊饭庄",
				"creditCode", code, "phone", phone, "enterpriseKind", "PRIVATE_ENTERPRISE", "industryCode", "62",
				"contactName", "周师傅", "message", "想参加商会的食品安全培训"));
		String status = applicant.location(submitted);
		assertThat(status).startsWith("/join/status/");
		assertThat(applicant.get(status).body()).contains("待审核", "老街坊饭庄");

		String list = admin.get("/members/applications").body();
		assertThat(list).contains("老街坊饭庄");
		long id = jdbc.sql("select id from join_application where credit_code = :c").param("c", code)
			.query(Long.class).single();
		var approved = admin.postForm("/members/applications/" + id + "/approve", Map.of("role", "MEMBER",
				"joinedOn", java.time.LocalDate.now(ChinaTime.ZONE).toString()));
		assertThat(admin.location(approved)).startsWith("/members/");
		assertThat(admin.get(admin.location(approved)).body()).contains("老街坊饭庄", "长安区餐饮商会", "已通过入会申请");
		assertThat(applicant.get(status).body()).contains("已通过");
		assertThat(jdbc.sql("select channel || ' ' || body from notification_outbox where dedup_key = :k")
			.param("k", "join.decision:" + id).query(String.class).single()).isEqualTo("SMS 【长安区餐饮商会】老街坊饭庄，您的入会申请已通过，欢迎加入！");
		assertThat(jdbc.sql("select count(*) from party p join membership m on m.party_id = p.id where p.credit_code = :c "
				+ "and m.org_id = :o").param("c", code).param("o", chamber).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRejectionNeedsAReasonAndTheApplicantReadsIt() {
		WebSession applicant = new WebSession(port);
		applicant.get("/join/" + chamber);
		String status = applicant.location(applicant.postForm("/join/" + chamber, Map.of("kind", "PERSON", "name",
				"孙悟", "phone", MemberFixture.phone())));
		long id = jdbc.sql("select id from join_application where name = '孙悟' and org_id = :o").param("o", chamber)
			.query(Long.class).single();
		assertThat(Refusals.fieldMessage(admin.postForm("/members/applications/" + id + "/reject", Map.of("reason", ""))
			.body(), "reason")).contains("请填写不予通过的理由");
		admin.postForm("/members/applications/" + id + "/reject", Map.of("reason", "请先在本镇注册营业执照"));
		assertThat(applicant.get(status).body()).contains("未通过", "请先在本镇注册营业执照");
		// and is told by text message, through the outbox, once
		assertThat(jdbc.sql("select body from notification_outbox where dedup_key = :k").param("k", "join.decision:" + id)
			.query(String.class).list()).singleElement().asString()
			.isEqualTo("【长安区餐饮商会】孙悟，您的入会申请未获通过，原因：请先在本镇注册营业执照。如有疑问请与商会联系。");
		// Another chamber's staff cannot see or decide it.
		String other = fixture.tokenIn(otherChamber, Role.CHAMBER_ADMIN);
		assertThat(Api.get(port, "/api/v1/join-applications/" + id, other).statusCode()).isEqualTo(404);
	}

	@Test
	void aMemberSignsInWithTheirPhoneAndSeesOnlyTheirMemberships() {
		String token = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		String phone = MemberFixture.phone();
		long person = MemberFixture.person(port, token, chamber, "吴敏", MemberFixture.identityNumber(), phone);
		MemberFixture.person(port, token, chamber, "另一位会员", MemberFixture.identityNumber(), MemberFixture.phone());

		var opened = admin.postForm("/members/" + person + "/login", Map.of());
		String page = admin.get(admin.location(opened)).body();
		Matcher password = Pattern.compile("初始密码 (\\S+)（").matcher(page);
		assertThat(password.find()).as(page).isTrue();
		assertThat(page).contains("手机号 " + phone);

		WebSession member = new WebSession(port);
		var login = member.login(phone, password.group(1));
		assertThat(member.location(login)).doesNotContain("error");
		member.get(member.location(login));
		member.postForm("/account/password", Map.of("currentPassword", password.group(1), "newPassword",
				"Member-Passw0rd-9", "confirmPassword", "Member-Passw0rd-9"));
		String portal = member.get("/portal").body();
		assertThat(portal).contains("长安区餐饮商会", "副会长").doesNotContain("另一位会员");
		assertThat(member.get("/members").statusCode()).isEqualTo(403);
		assertThat(member.get("/members/" + person).statusCode()).isEqualTo(403);
		assertThat(member.location(member.get("/"))).isEqualTo("/portal");
	}

}
