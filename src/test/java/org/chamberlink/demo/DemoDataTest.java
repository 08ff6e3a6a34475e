package org.chamberlink.demo;

import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.support.DemoSlice;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo slice loads completely and its printed accounts sign in, each within its own scope. */
@IntegrationTest
class DemoDataTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoDataLoader loader;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsAProvinceSliceWithFortyChambersAndAccountsAtEachLevel() {
		Map<String, String> logins = DemoSlice.logins(loader, accounts, jdbc);
		assertThat(logins).containsKeys("hb_admin", "sjz_admin", "sjz_leader", "admin_130102", "admin_130104",
				"admin_130105");
		String province = WebSession.signedIn(port, "hb_admin", logins.get("hb_admin")).get("/figures/organizations").body();
		assertThat(province).contains("河北省工商联", "石家庄市工商联");
		// leaders carry names, not numbers; every role has a dues amount
		assertThat(jdbc.sql("select count(*) from leadership_term where person_name ~ '^(会长|秘书长)[0-9]+$'")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(distinct s.role) from dues_schedule s join organization o on o.id = s.org_id
				where o.name like '%街道商会' or o.name like '%镇商会'
				""").query(Long.class).single()).isEqualTo(7);

		WebSession county = WebSession.signedIn(port, "admin_130104", logins.get("admin_130104"));
		String list = county.get("/organizations?type=CHAMBER").body();
		assertThat(list).contains("桥西区").doesNotContain("长安区", "新华区");
		String city = WebSession.signedIn(port, "sjz_leader", logins.get("sjz_leader")).get("/figures/organizations").body();
		assertThat(city).contains("石家庄市工商联", "长安区工商联", "桥西区工商联", "新华区工商联");
		assertThat(jdbc.sql("""
				select count(*) from organization o join organization f on o.path like f.path || '%'
				where f.name = '石家庄市工商联' and o.type = 'CHAMBER' and o.status = 'ACTIVE'
				  and f.id = (select max(id) from organization where name = '石家庄市工商联')
				""").query(Long.class).single()).isEqualTo(40);
		// decision 31: 长安区's people's chamber in 深圳, and an association outside the tree as a group member
		assertThat(jdbc.sql("""
				select count(*) from organization
				where name = '长安区驻深圳商会' and region_code = '440304' and origin_region_code = '130102'
				""").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from party
				where name = '长安区餐饮协会' and kind = 'GROUP' and group_org_id is null and credit_code = :code
				""").param("code", org.chamberlink.organization.UnifiedSocialCreditCode.complete("51130102MJ0000001"))
			.query(Long.class).single()).isEqualTo(1);
		// ---- points: the city's rules back-filled from the demo chambers' cases, visits, activities, payments, pairing projects and honours ----
		String ranking = WebSession.signedIn(port, "sjz_admin", logins.get("sjz_admin")).get("/points").body();
		assertThat(ranking).contains("data-testid=\"ranking-points\"");
		assertThat(jdbc.sql("""
				select distinct e.source_type from point_entry e join point_rule r on r.id = e.rule_id
				where r.organiser_id = (select max(id) from organization where name = '石家庄市工商联')
				""").query(String.class).list()).contains("CASE", "VISIT", "ACTIVITY", "DUES_PAYMENT", "WELFARE_PROJECT", "HONOUR");
		// decision 39: 长安区's notices, one read and a data call answered by its first chamber
		String sent = WebSession.signedIn(port, "admin_130102", logins.get("admin_130102")).get("/notices").body();
		assertThat(sent).contains("年度会员发展统计工作的通知", "万企兴万村", "年度会员发展情况报送");
		String secretary = logins.keySet().stream().filter(login -> login.startsWith("sg_")).findFirst().orElseThrow();
		String inbox = WebSession.signedIn(port, secretary, logins.get(secretary)).get("/notices/inbox").body();
		assertThat(inbox).contains("年度会员发展统计工作的通知", "已报送");
		// ---- honour (issue 18): 光彩之星 awarded to the first county's two, the others on notice, verifiable ----
		String number = jdbc.sql("""
				select max(a.certificate_number) from honour_award a join honour_programme p on p.id = a.programme_id
				where p.name = '光彩之星' and p.id = (select max(id) from honour_programme where name = '光彩之星')
				""").query(String.class).single();
		assertThat(number).isNotNull();
		assertThat(new WebSession(port).get("/honours/verify/" + number).body()).contains("该证书真实有效", "石家庄市工商联");
		assertThat(WebSession.signedIn(port, "sjz_admin", logins.get("sjz_admin")).get("/honours").body()).contains("光彩之星",
				"劳动模范（推荐）");
		// the first county's published honour roll, signed out; a programme members may apply for themselves
		Long rollOrg = jdbc.sql("select max(org_id) from honour_public_roll").query(Long.class).single();
		assertThat(new WebSession(port).get("/honours/public/" + rollOrg).body()).contains("光彩之星").doesNotContain(number);
		assertThat(WebSession.signedIn(port, "sjz_admin", logins.get("sjz_admin")).get("/honours").body()).contains("优秀会员（会员自荐）");
		// evaluation (issue 17): the first county's 四好 campaign, its first chamber recommended to the city
		// after a county recognition in public notice
		assertThat(jdbc.sql("""
				select count(*) from evaluation e join evaluation_campaign c on c.id = e.campaign_id
				join evaluation_recognition r on r.evaluation_id = e.id and r.level = 'COUNTY'
				where c.title like '%“四好”商会评选' and e.status = 'RECOMMENDED' and e.level = 'CITY'
				""").query(Long.class).single()).isGreaterThanOrEqualTo(1);
		// ---- survey and publication (issue 20): a satisfaction survey with its answers, policies, 光彩通讯 ----
		assertThat(jdbc.sql("""
				select count(*) from survey_response r join survey s on s.id = r.survey_id
				where s.title like '%商会公认度和满意度测评' and s.status = 'PUBLISHED'
				""").query(Long.class).single()).isGreaterThanOrEqualTo(5);
		assertThat(jdbc.sql("select count(*) from policy where title = '制造业企业技术改造专项补助办法' and status = 'PUBLISHED'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from publication_issue where pdf_name like '光彩通讯20%'").query(Long.class).single())
			.isGreaterThanOrEqualTo(2);
		// ---- proposal and disclosure (issue 21): an adopted proposal to a CPPCC member, a published 三公开 ----
		assertThat(jdbc.sql("select count(*) from proposal where status = 'ADOPTED' and holder_role = 'CPPCC'").query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from disclosure d where d.status = 'PUBLISHED' and exists (select 1 from"
				+ " disclosure_expense x where x.disclosure_id = d.id)").query(Long.class).single()).isGreaterThanOrEqualTo(1);
		// ---- finance and investment (issue 21): seed 000's ¥160 M+ of loans and 68 projects, ¥4.6 bn contracted ----
		assertThat(jdbc.sql("select coalesce(sum(granted_fen), 0) from finance_referral r join finance_agreement a on a.id = r.agreement_id"
				+ " where a.bank = '河北银行' or a.bank = '中国邮政储蓄银行'").query(Long.class).single()).isGreaterThanOrEqualTo(16_000_000_000L);
		assertThat(jdbc.sql("select count(*) || '/' || sum(contracted_fen) filter (where stage in ('SIGNED', 'STARTED', 'PRODUCING'))"
				+ " from investment_project where name like '%项目（%）'").query(String.class).single()).isEqualTo("68/460000000000");
		String figures = WebSession.signedIn(port, "sjz_admin", logins.get("sjz_admin")).get("/figures/investment").body();
		assertThat(figures).contains("data-testid=\"figure-contracted\">¥4,600,000,000.00<");
		assertThat(WebSession.signedIn(port, "sjz_admin", logins.get("sjz_admin")).get("/figures/finance").body())
			.contains("data-testid=\"figure-granted-amount\">¥162,500,000.00<");
	}

}
