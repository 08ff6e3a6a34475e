package org.chamberlink.organization;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.Json;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.shared.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every page and API mapping of the application — discovered from the request mappings,
 * so a new endpoint is covered without anyone remembering to add it — as the administrator of
 * one chamber, aiming every id (path variables and the usual query parameters) at the
 * neighbouring chamber. Nothing of the neighbour may come back, and nothing of it may change.
 */
@IntegrationTest
class ScopeWalkTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	String marker;

	long neighbour;

	String token;

	/** The neighbour's organisation, then its member (party), membership and join application. */
	List<Long> neighbourIds;

	/** The neighbour's notice and the county's data call to the neighbour alone (decision 39). */
	List<Long> noticeIds;

	org.chamberlink.support.WebSession web;

	/** The neighbour's member's self-application to a county programme, waiting for the neighbour (honour). */
	long selfApplied;

	/** Honour: the walker's own chamber, a county programme for staff, and the neighbour's secretary-general's account. */
	long ownChamber;

	long staffProgramme;

	long neighbourStaff;

	@BeforeEach
	void twoChambersOfOneCounty() {
		var fixture = new OrganizationFixture(port, accounts, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "范围测试省工商联", "13", null);
		long city = fixture.federation("CITY", "范围测试市工商联", "1307", province);
		long county = fixture.federation("COUNTY", "范围测试县工商联", "130708", city);
		marker = "邻居商会" + System.nanoTime();
		long own = fixture.chamber("INDUSTRY", "本会" + System.nanoTime(), "130708", county);
		neighbour = fixture.chamber("INDUSTRY", marker, "130708", county);
		token = fixture.tokenIn(own, Role.CHAMBER_ADMIN);
		// pages are walked with a signed-in browser session (a token opens only /api/)
		var pageUser = new org.chamberlink.support.TestAccounts(accounts).createIn(own, Role.CHAMBER_ADMIN);
		web = org.chamberlink.support.WebSession.signedIn(port, pageUser.getUsername(),
				org.chamberlink.support.TestAccounts.PASSWORD);
		String neighbourAdmin = fixture.tokenIn(neighbour, Role.CHAMBER_ADMIN);
		long party = org.chamberlink.support.MemberFixture.enterprise(port, neighbourAdmin, neighbour, marker + "会员企业",
				org.chamberlink.support.MemberFixture.creditCode(), org.chamberlink.support.MemberFixture.phone());
		long membership = jdbc.sql("select id from membership where party_id = :p").param("p", party)
			.query(Long.class).single();
		long application = org.chamberlink.support.MemberFixture.created(Api.post(port, "/api/v1/organizations/"
				+ neighbour + "/join-applications", neighbourAdmin, "{\"kind\":\"PERSON\",\"name\":\"" + marker
				+ "申请人\",\"phone\":\"" + org.chamberlink.support.MemberFixture.phone() + "\"}"));
		// the neighbour's dues: a bill, a payment (its receipt) and the billing run
		int year = java.time.LocalDate.now(ChinaTime.ZONE).getYear();
		org.chamberlink.support.DuesFixture.schedule(port, neighbourAdmin, neighbour, year, "500");
		long run = Json.number(org.chamberlink.support.DuesFixture.bill(port, neighbourAdmin, neighbour, year), "$.id");
		long bill = jdbc.sql("select id from dues_bill where membership_id = :m").param("m", membership)
			.query(Long.class).single();
		long payment = org.chamberlink.support.DuesFixture.pay(port, neighbourAdmin, bill, "100");
		// the neighbour's casework: an accepted complaint with a file, a planned visit
		long kase = org.chamberlink.support.CaseFixture.caseId(Api.post(port, "/api/v1/cases", neighbourAdmin,
				org.chamberlink.support.CaseFixture.complaintJson(neighbour, party, "100").replace("检查收费不开票据", marker + "投诉"))
			.body());
		Api.post(port, "/api/v1/cases/" + kase + "/accept", neighbourAdmin, "{}");
		Api.postFile(port, "/api/v1/cases/" + kase + "/attachments", neighbourAdmin, marker + ".txt", new byte[] { 1 });
		long attachment = jdbc.sql("select id from case_attachment where case_id = :c").param("c", kase).query(Long.class)
			.single();
		long visit = Json.number(Api.post(port, "/api/v1/visits", neighbourAdmin,
				"{\"orgId\":" + neighbour + ",\"partyId\":" + party + ",\"year\":" + year + ",\"quarter\":1,"
						+ "\"visitors\":\"" + marker + "\"}").body(), "$.id");
		// the neighbour's activity, published, with the member registered
		String starts = java.time.LocalDateTime.now(org.chamberlink.shared.ChinaTime.ZONE).plusDays(3).withNano(0).toString();
		long activity = Json.created(Api.post(port, "/api/v1/activities", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"kind\":\"TRAINING\",\"title\":\"" + marker + "培训\",\"startsAt\":\"" + starts + "\",\"endsAt\":\""
				+ java.time.LocalDateTime.parse(starts).plusHours(2) + "\",\"place\":\"" + marker + "\"}"));
		Api.post(port, "/api/v1/activities/" + activity + "/publish", neighbourAdmin, "{}");
		Api.post(port, "/api/v1/activities/" + activity + "/registrations", neighbourAdmin, "{\"membershipId\":" + membership + "}");
		long attendee = jdbc.sql("select id from activity_attendee where activity_id = :a").param("a", activity).query(Long.class)
			.single();
		// ---- points: the county's manual rule and the neighbour's pending claim with its evidence ----
		String countyAdmin = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		long pointRule = Json.created(Api.post(port, "/api/v1/points/rules", countyAdmin, "{\"orgId\":" + county
				+ ",\"name\":\"招商积分\",\"category\":\"INVESTMENT\",\"action\":\"MANUAL\",\"points\":10,"
				+ "\"yearlyCap\":50,\"appliesTo\":\"CHAMBER\"}"));
		long pointClaim = Json.created(Api.postFile(port, "/api/v1/points/claims?ruleId=" + pointRule + "&description="
				+ java.net.URLEncoder.encode(marker + "招商", java.nio.charset.StandardCharsets.UTF_8) + "&happenedOn="
				+ java.time.LocalDate.now(ChinaTime.ZONE), neighbourAdmin, marker + ".pdf", new byte[] { 1 }));
		// ---- notice (decision 39): the neighbour's notice to its members with an attachment; the county's data call to the
		// neighbour alone, and the neighbour's reply with a file
		long notice = Json.number(Api.post(port, "/api/v1/notices", neighbourAdmin, "{\"orgId\":" + neighbour + ",\"title\":\""
				+ marker + "通知\",\"bodyHtml\":\"<p>" + marker + "</p>\",\"toMembers\":true}").body(), "$.id");
		long dataCall = Json.number(Api.post(port, "/api/v1/notices", fixture.tokenIn(county, Role.FEDERATION_ADMIN), "{\"orgId\":"
				+ county + ",\"kind\":\"DATA_CALL\",\"title\":\"" + marker + "报送\",\"dueAt\":\"2099-01-01T17:00\","
				+ "\"toOrganizations\":true,\"orgIds\":[" + neighbour + "]}").body(), "$.id");
		Api.post(port, "/api/v1/notices/inbox/" + dataCall + "/reply", neighbourAdmin, "{\"text\":\"" + marker + "报送内容\"}");
		long reply = jdbc.sql("select id from notice_reply where notice_id = :n").param("n", dataCall).query(Long.class).single();
		long noticeFile = jdbc.sql("insert into notice_file (notice_id, purpose, file_name, content_type, size_bytes, content) "
				+ "values (:n, 'ATTACHMENT', :name, 'text/plain', 1, :c) returning id").param("n", notice).param("name", marker + ".txt")
			.param("c", marker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Long.class).single();
		long replyFile = jdbc.sql("insert into notice_file (notice_id, reply_id, purpose, file_name, content_type, size_bytes, content) "
				+ "values (:n, :r, 'REPLY', :name, 'text/plain', 1, :c) returning id").param("n", dataCall).param("r", reply)
			.param("name", marker + ".txt").param("c", marker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Long.class).single();
		noticeIds = List.of(notice, dataCall);
		// ---- honour (issue 18): the county's programme, the neighbour's member nominated by the neighbour, accepted,
		// on notice with an objection answered, awarded (a certificate) ----
		String countyStaff = fixture.tokenIn(county, Role.STAFF);
		long programme = Json.created(Api.post(port, "/api/v1/honours/programmes", countyStaff, "{\"orgId\":" + county
				+ ",\"name\":\"范围测试之星\",\"honoreeKinds\":[\"ENTERPRISE\"],\"levels\":[\"COUNTY\"],\"cycle\":" + year
				+ ",\"certificate\":true,\"ruleOnce\":true,\"noticeDays\":5}"));
		long nomination = Json.created(Api.post(port, "/api/v1/honours/programmes/" + programme + "/nominations", neighbourAdmin,
				"{\"level\":\"COUNTY\",\"nominatorOrgId\":" + neighbour + ",\"membershipId\":" + membership + ",\"reasons\":\""
						+ marker + "事迹\"}"));
		Api.post(port, "/api/v1/honours/nominations/" + nomination + "/accept", countyStaff, "{\"rank\":1}");
		Api.post(port, "/api/v1/honours/programmes/" + programme + "/notice?level=COUNTY", countyStaff, "{}");
		Api.post(port, "/api/v1/honours/programmes/" + programme + "/awards?level=COUNTY", countyStaff, "{}");
		long award = jdbc.sql("select id from honour_award where nomination_id = :n").param("n", nomination).query(Long.class)
			.single();
		// the neighbour's member's self-application (APPLIED) to a second programme, waiting for the neighbour to endorse it
		long selfProgramme = Json.created(Api.post(port, "/api/v1/honours/programmes", countyStaff, "{\"orgId\":" + county
				+ ",\"name\":\"范围测试自荐\",\"honoreeKinds\":[\"ENTERPRISE\"],\"levels\":[\"COUNTY\"],\"cycle\":" + year
				+ ",\"selfApply\":true}"));
		selfApplied = jdbc.sql("insert into honour_nomination (programme_id, level, nominator_org_id, nominator_org_path,"
				+ " reviewer_org_id, reviewer_org_path, membership_id, party_id, nominee_name, nominee_org_name, reasons, status,"
				+ " self_applied, created_by, created_at) select :p, level, nominator_org_id, nominator_org_path, reviewer_org_id,"
				+ " reviewer_org_path, membership_id, party_id, nominee_name, nominee_org_name, reasons, 'APPLIED', true, 0, now()"
				+ " from honour_nomination where id = :n returning id").param("p", selfProgramme).param("n", nomination)
			.query(Long.class).single();
		// a county programme for staff (优秀秘书长); the neighbour's secretary-general may not be named by another chamber
		ownChamber = own;
		staffProgramme = Json.created(Api.post(port, "/api/v1/honours/programmes", countyStaff, "{\"orgId\":" + county
				+ ",\"name\":\"范围测试秘书长\",\"honoreeKinds\":[\"STAFF\"],\"levels\":[\"COUNTY\"],\"cycle\":" + year + "}"));
		neighbourStaff = new org.chamberlink.support.TestAccounts(accounts).createIn(neighbour, Role.CHAMBER_ADMIN).id();
		// ---- end honour
		// ---- welfare: the neighbour's village, pairing with a project and a payment, campaign with a pledge and receipt, agreement ----
		String township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130708%' order by code limit 1")
			.query(String.class).single();
		long village = Json.created(Api.post(port, "/api/v1/welfare/villages", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"townshipCode\":\"" + township + "\",\"name\":\"" + marker + "村\",\"statCode\":\"" + township + "999\""
				+ ",\"reliefStatus\":\"LIFTED\"}"));
		long pairing = Json.created(Api.post(port, "/api/v1/welfare/pairings", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"villageId\":" + village + ",\"partyIds\":[" + party + "],\"kinds\":[\"INDUSTRY\"],\"note\":\"" + marker + "\"}"));
		long project = Json.created(Api.post(port, "/api/v1/welfare/pairings/" + pairing + "/projects", neighbourAdmin,
				"{\"name\":\"" + marker + "项目\",\"kind\":\"INDUSTRY\",\"committed\":\"100\"}"));
		Api.post(port, "/api/v1/welfare/projects/" + project + "/payments", neighbourAdmin, "{\"paidOn\":\""
				+ java.time.LocalDate.now(ChinaTime.ZONE) + "\",\"amount\":\"10\"}");
		long welfarePayment = jdbc.sql("select id from welfare_payment where project_id = :p").param("p", project).query(Long.class).single();
		long campaign = Json.created(Api.post(port, "/api/v1/welfare/campaigns", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"kind\":\"OTHER\",\"title\":\"" + marker + "捐赠\"}"));
		long pledge = Json.created(Api.post(port, "/api/v1/welfare/campaigns/" + campaign + "/pledges", neighbourAdmin,
				"{\"partyId\":" + party + ",\"money\":\"10\",\"consent\":true}"));
		long receipt = Json.created(Api.post(port, "/api/v1/welfare/pledges/" + pledge + "/receipts", neighbourAdmin, "{\"money\":\"10\"}"));
		long agreement = Json.created(Api.post(port, "/api/v1/welfare/agreements", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"partyId\":" + party + ",\"goals\":\"" + marker + "\",\"staff\":\"" + marker + "\"}"));
		// welfare, session 16: the neighbour's transfer with a document (pages only; written as the page would), for its correction
		long welfareTransfer = jdbc.sql("insert into welfare_transfer (campaign_id, org_path, recipient, amount_fen, transferred_on,"
				+ " document_name, document_type, document) select id, org_path, :marker, 1000, current_date, 'x.pdf', 'application/pdf',"
				+ " '%PDF-1.4'::bytea from welfare_campaign where id = :c returning id")
			.param("marker", marker).param("c", campaign).query(Long.class).single();
		// ---- evaluation (issue 17): the neighbour's evaluation in the county's 四好 campaign, submitted, passed at
		// the county (a recognition in public notice) with an objection recorded
		long scheme = jdbc.sql("select id from evaluation_scheme where code = 'SIHAO'").query(Long.class).single();
		long evaluationCampaign = Json.created(Api.post(port, "/api/v1/evaluation-campaigns", countyAdmin, "{\"schemeId\":" + scheme
				+ ",\"year\":" + year + ",\"noticeDays\":7,\"submitBy\":\"" + java.time.LocalDate.now(ChinaTime.ZONE).plusDays(9) + "\"}"));
		long evaluation = Json.number(Api.post(port, "/api/v1/evaluation-campaigns/" + evaluationCampaign + "/evaluations", neighbourAdmin, "{}")
			.body(), "$.evaluation.id");
		jdbc.sql("update organization set registered = true where id = :id").param("id", neighbour).update();
		List<Long> criteria = jdbc.sql("select id from evaluation_criterion where scheme_id = :s order by id").param("s", scheme)
			.query(Long.class).list();
		for (Long criterion : criteria) {
			Api.post(port, "/api/v1/evaluations/" + evaluation + "/evidence", neighbourAdmin,
					"{\"criterionId\":" + criterion + ",\"link\":\"https://example.org/" + criterion + "\"}");
		}
		Api.post(port, "/api/v1/evaluations/" + evaluation + "/submit", neighbourAdmin, "{}");
		for (Long criterion : criteria) {
			Api.post(port, "/api/v1/evaluations/" + evaluation + "/scores", countyAdmin, "{\"criterionId\":" + criterion + ",\"points\":"
					+ jdbc.sql("select max_points from evaluation_criterion where id = :c").param("c", criterion).query(Integer.class).single() + "}");
		}
		Api.post(port, "/api/v1/evaluations/" + evaluation + "/pass", countyAdmin, "{}");
		long recognition = jdbc.sql("select id from evaluation_recognition where evaluation_id = :e").param("e", evaluation)
			.query(Long.class).single();
		Api.post(port, "/api/v1/recognitions/" + recognition + "/objections", countyAdmin,
				"{\"raisedBy\":\"" + marker + "\",\"text\":\"" + marker + "异议\"}");
		long evidence = jdbc.sql("select min(id) from evaluation_evidence where evaluation_id = :e").param("e", evaluation)
			.query(Long.class).single();
		// ---- end evaluation
		// ---- survey: the neighbour's satisfaction survey, published (its results and draft questions must 404) ----
		long survey = Json.created(Api.post(port, "/api/v1/surveys/satisfaction?orgId=" + neighbour, neighbourAdmin, "{}"));
		Api.post(port, "/api/v1/surveys/" + survey + "/publish", neighbourAdmin, "{}");
		// ---- publication: the neighbour's policy draft, and its publication with one issue ----
		long policy = Json.created(Api.post(port, "/api/v1/policies", neighbourAdmin, "{\"orgId\":" + neighbour + ",\"title\":\""
				+ marker + "政策草稿\",\"issuer\":\"" + marker + "\",\"issuedOn\":\"2026-01-01\",\"body\":\"草稿全文\"}"));
		String path = jdbc.sql("select path from organization where id = :id").param("id", neighbour).query(String.class).single();
		long publication = jdbc.sql("insert into publication (org_id, org_path, title, created_by, created_at)"
				+ " values (:o, :p, :t, 0, now()) returning id").param("o", neighbour).param("p", path).param("t", marker + "通讯")
			.query(Long.class).single();
		long issue = jdbc.sql("insert into publication_issue (publication_id, number, issued_on, print_run, pdf_name, pdf, pdf_size,"
				+ " created_at) values (:p, '1', current_date, 10, 'a.pdf', '%PDF-1.4'::bytea, 8, now()) returning id")
			.param("p", publication).query(Long.class).single();
		// ---- benefit: the neighbour's partner merchant with its till and a recorded card use ----
		long merchant = Json.created(Api.post(port, "/api/v1/merchants", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"name\":\"" + marker + "商户\",\"category\":\"CATERING\",\"address\":\"" + marker + "\",\"terms\":\"" + marker
				+ "九折\"}"));
		Api.post(port, "/api/v1/merchants/" + merchant + "/account", neighbourAdmin, "{}");
		long cardUse = jdbc.sql("insert into benefit_card_use (merchant_id, org_path, party_id, code_issued_at, used_at, used_on)"
				+ " values (:m, :p, :party, 1, now(), current_date) returning id").param("m", merchant).param("p", path)
			.param("party", party).query(Long.class).single();
		// a till of the walker's own chamber, walked in a test of its own
		var ownMerchant = Json.created(Api.post(port, "/api/v1/merchants", token, "{\"orgId\":" + own
				+ ",\"name\":\"本会商户\",\"category\":\"RETAIL\",\"address\":\"x\",\"terms\":\"x\"}"));
		String opened = Api.post(port, "/api/v1/merchants/" + ownMerchant + "/account", token, "{}").body();
		tillLogin = Json.text(opened, "$.login");
		tillPassword = Json.text(opened, "$.initialPassword");
		benefitIds = List.of(neighbour, party, membership, merchant, cardUse);
		// ---- end benefit
		// ---- report (issue 22): the neighbour's statistical return, typed and submitted to the county ----
		long statisticalReturn = Json.created(Api.post(port, "/api/v1/reports/returns", neighbourAdmin, "{\"year\":" + year + "}"));
		Api.put(port, "/api/v1/reports/returns/" + statisticalReturn + "/cells", neighbourAdmin, "{\"values\":{\"org.staff\":\"3\","
				+ "\"org.staffFullTime\":\"2\",\"org.staffPartTime\":\"1\",\"org.staffGovFunded\":\"0\",\"org.fiveHas\":\"0\","
				+ "\"mem.joined\":\"1\",\"mem.left\":\"0\"}}");
		Api.post(port, "/api/v1/reports/returns/" + statisticalReturn + "/submit", neighbourAdmin, "{}");
		Api.put(port, "/api/v1/reports/returns/" + statisticalReturn + "/sections", neighbourAdmin,
				"{\"achievements\":\"" + marker + "\"}");
		// ---- end report
		// ---- proposal, disclosure (issue 21): the neighbour's suggestion merged by the county into a proposal handed to
		// the neighbour's CPPCC member, answered; the neighbour's disclosure with a document, a resolution and an expense ----
		long cppcc = org.chamberlink.support.MemberFixture.created(Api.post(port, "/api/v1/members", neighbourAdmin,
				"{\"kind\":\"PERSON\",\"orgId\":" + neighbour + ",\"name\":\"" + marker + "委员\",\"gender\":\"FEMALE\","
						+ "\"idNumber\":\"" + org.chamberlink.support.MemberFixture.identityNumber() + "\",\"phone\":\""
						+ org.chamberlink.support.MemberFixture.phone() + "\",\"publicRoles\":\"市政协委员\",\"role\":\"MEMBER\","
						+ "\"joinedOn\":\"2023-06-15\"}"));
		long suggestion = Json.created(Api.post(port, "/api/v1/proposals/suggestions", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"topic\":\"FINANCING\",\"problem\":\"" + marker + "问题\",\"suggestion\":\"" + marker + "建议\"}"));
		long proposal = Json.created(Api.post(port, "/api/v1/proposals", countyAdmin, "{\"orgId\":" + county + ",\"title\":\""
				+ marker + "提案\",\"topic\":\"FINANCING\",\"holderRole\":\"CPPCC\",\"holderPartyId\":" + cppcc
				+ ",\"suggestionIds\":[" + suggestion + "]}"));
		Api.post(port, "/api/v1/proposals/" + proposal + "/answer", countyAdmin, "{\"department\":\"" + marker + "局\",\"answer\":\"x\"}");
		long disclosure = Json.created(Api.post(port, "/api/v1/disclosures", neighbourAdmin, "{\"orgId\":" + neighbour + ",\"year\":"
				+ year + "}"));
		Api.post(port, "/api/v1/disclosures/" + disclosure + "/texts", neighbourAdmin, "{\"partyText\":\"" + marker + "党务\"}");
		Api.post(port, "/api/v1/disclosures/" + disclosure + "/resolutions", neighbourAdmin, "{\"text\":\"" + marker + "决议\"}");
		long disclosureDocument = jdbc.sql("insert into disclosure_document (disclosure_id, name, type, bytes) values (:d, :n,"
				+ " 'text/plain', :b) returning id").param("d", disclosure).param("n", marker + ".txt")
			.param("b", marker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Long.class).single();
		long expense = jdbc.sql("insert into disclosure_expense (disclosure_id, spent_on, category, purpose, amount_fen, voucher_name,"
				+ " voucher_type, voucher) values (:d, current_date, 'OFFICE', :p, 100, :n, 'text/plain', :b) returning id")
			.param("d", disclosure).param("p", marker + "支出").param("n", marker + ".txt")
			.param("b", marker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Long.class).single();
		// ---- end proposal, disclosure
		// ---- finance / investment (issue 21): the neighbour's bank agreement, a member's referral recommended under it, a
		// guarantee fund contribution; an investment project moved to negotiating, with a document ----
		long bankAgreement = Json.created(Api.post(port, "/api/v1/finance/agreements", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"bank\":\"" + marker + "银行\",\"creditLine\":\"1000000\"}"));
		long loanReferral = Json.created(Api.post(port, "/api/v1/finance/referrals", neighbourAdmin, "{\"partyId\":" + party
				+ ",\"orgId\":" + neighbour + ",\"amount\":\"50000\",\"purpose\":\"" + marker + "用途\",\"termMonths\":12}"));
		Api.post(port, "/api/v1/finance/referrals/" + loanReferral + "/recommend", neighbourAdmin, "{\"agreementId\":" + bankAgreement + "}");
		long fundEntry = Json.created(Api.post(port, "/api/v1/finance/funds/" + neighbour + "/entries", neighbourAdmin,
				"{\"kind\":\"CONTRIBUTION\",\"amount\":\"1000\",\"partyId\":" + party + ",\"note\":\"" + marker + "\"}"));
		long investmentProject = Json.created(Api.post(port, "/api/v1/investment/projects", neighbourAdmin, "{\"orgId\":" + neighbour
				+ ",\"name\":\"" + marker + "项目\",\"industryCode\":\"38\",\"investorName\":\"" + marker + "投资方\","
				+ "\"originCode\":\"44\",\"planned\":\"1000000\"}"));
		Api.post(port, "/api/v1/investment/projects/" + investmentProject + "/stage", neighbourAdmin, "{\"stage\":\"NEGOTIATING\"}");
		long investmentDocument = jdbc.sql("insert into investment_document (project_id, file_name, content_type, size_bytes, content)"
				+ " values (:p, :n, 'text/plain', 1, :c) returning id").param("p", investmentProject).param("n", marker + ".txt")
			.param("c", marker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Long.class).single();
		// ---- end finance / investment
		neighbourIds = List.of(neighbour, party, membership, application, bill, payment, run, kase, attachment, visit,
				activity, attendee, pointRule, pointClaim, notice, dataCall, reply, noticeFile, replyFile, nomination, award, selfApplied,
				village, pairing, project, welfarePayment, campaign, pledge, receipt, agreement, welfareTransfer, evaluation, recognition, evidence,
				survey, policy, publication, issue, merchant, cardUse, statisticalReturn,
				cppcc, suggestion, proposal, disclosure, disclosureDocument, expense,
				bankAgreement, loanReferral, fundEntry, investmentProject, investmentDocument);
	}

	/** benefit: the sign-in of a partner merchant's till of the walker's own chamber, and the neighbour's ids it aims at. */
	String tillLogin;

	String tillPassword;

	List<Long> benefitIds;

	/**
	 * benefit (decision 0041): a merchant's till walks every mapping at the neighbour's records and
	 * reaches nothing — every page and API but its own answers 403 — and nothing of the neighbour
	 * comes back or changes.
	 */
	@Test
	void aMerchantsTillReachesNothingButItsOwnPage() {
		String before = fingerprint();
		var till = accounts.findByUsername(tillLogin).orElseThrow();
		accounts.changePassword(till.id(), tillPassword, "Till-Walk-2026!");
		web = org.chamberlink.support.WebSession.signedIn(port, tillLogin, "Till-Walk-2026!");
		token = tokens.create(till.id(), "walk").secret();
		List<String> walked = new ArrayList<>();
		List<String> leaks = new ArrayList<>();
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			if (entry.getValue().getBeanType().isAnnotationPresent(DeliberatelyUnscoped.class)) {
				continue;
			}
			for (Long id : benefitIds) {
				walk(entry.getKey(), id, walked, leaks);
			}
		}
		assertThat(leaks).as("responses that reveal the neighbouring chamber to a till").isEmpty();
		assertThat(fingerprint()).isEqualTo(before);
		java.util.function.Predicate<String> own = call -> call.matches("\\w+ (/merchant(/.*)?|/api/v1/merchant/.*"
				+ "|/account/password|/login|/error|/) -> .*");
		assertThat(walked.stream().filter(own.negate()).filter(call -> !call.endsWith("-> 403")).toList())
			.as("mappings a till reached").isEmpty();
		assertThat(walked).as("every mapping was called").hasSizeGreaterThan(200)
			.anyMatch(call -> call.startsWith("GET /merchant -> 200"))
			.anyMatch(call -> call.startsWith("GET /benefit/merchants/{id} -> 403"))
			.anyMatch(call -> call.startsWith("GET /api/v1/merchants/{id} -> 403"))
			.anyMatch(call -> call.startsWith("GET /members/{id} -> 403"));
	}

	@Test
	void noMappingLeaksOrChangesTheNeighbouringChamber() {
		String before = fingerprint();
		List<String> walked = new ArrayList<>();
		List<String> leaks = new ArrayList<>();
		List<Number> ownTokens = Json.read(Api.get(port, "/api/v1/me/tokens", token).body(), "$[*].id");
		java.util.Set<Long> ownTokenIds = ownTokens.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			if (entry.getValue().getBeanType().isAnnotationPresent(DeliberatelyUnscoped.class)
					|| entry.getKey().getPatternValues().stream().anyMatch(path -> path.startsWith("/join/")
							|| path.startsWith("/honours/verify/") || path.startsWith("/honours/notice/"))) {
				// /join/** is the public join page: it names the organisation by design. An honour's verification page and a
				// programme's public notice (公示) name the honoured by design too (HonourPublicPagesWebTest covers them).
				continue;
			}
			boolean ownAccount = entry.getKey().getPatternValues().stream()
				.anyMatch(path -> path.startsWith("/api/v1/me") || path.startsWith("/account"));
			for (Long id : neighbourIds) {
				if (ownAccount && ownTokenIds.contains(id)) {
					// the walker's own token under the same number as a neighbour's record: revoking it is the walker's
					// right (and would end the walk), not a leak
					continue;
				}
				walk(entry.getKey(), id, walked, leaks);
			}
		}
		// ---- honour: the walk puts the id in place of {action} too, so the nominator's actions are called by name
		for (String action : List.of("endorse", "decline")) {
			HttpResponse<String> response = Api.post(port, "/api/v1/honours/nominations/" + selfApplied + "/" + action, token,
					"{\"reason\":\"x\"}");
			walked.add("POST /api/v1/honours/nominations/{id}/" + action + " -> " + response.statusCode());
			if (response.body().contains(marker)) {
				leaks.add("POST /api/v1/honours/nominations/" + selfApplied + "/" + action);
			}
		}
		// the neighbour's secretary-general named as a staff honouree by another chamber: answered as nonexistent, nothing written
		HttpResponse<String> staff = Api.post(port, "/api/v1/honours/programmes/" + staffProgramme + "/nominations/staff", token,
				"{\"level\":\"COUNTY\",\"nominatorOrgId\":" + ownChamber + ",\"accountId\":" + neighbourStaff
						+ ",\"reasons\":\"x\"}");
		walked.add("POST /api/v1/honours/programmes/{id}/nominations/staff (the neighbour's staff) -> " + staff.statusCode());
		if (staff.body().contains(marker)) {
			leaks.add("POST /api/v1/honours/programmes/" + staffProgramme + "/nominations/staff");
		}
		// the neighbour's public honour roll: not published by another organisation (the fingerprint counts it), nor withdrawn
		HttpResponse<String> publish = web.postForm("/honours/roll/organization/" + neighbour + "/publish", java.util.Map.of());
		walked.add("POST /honours/roll/organization/{orgId}/publish -> " + publish.statusCode());
		jdbc.sql("insert into honour_public_roll (org_id, published_at, published_by) values (:o, now(), 0)").param("o", neighbour)
			.update();
		HttpResponse<String> withdraw = web.postForm("/honours/roll/organization/" + neighbour + "/withdraw", java.util.Map.of());
		walked.add("POST /honours/roll/organization/{orgId}/withdraw -> " + withdraw.statusCode());
		assertThat(jdbc.sql("delete from honour_public_roll where org_id = :o").param("o", neighbour).update())
			.as("the neighbour's published roll is still published").isEqualTo(1);
		assertThat(leaks).as("responses that reveal the neighbouring chamber").isEmpty();
		assertThat(fingerprint()).as("the neighbour's record, leadership and history").isEqualTo(before);
		assertThat(web.get("/dues").statusCode()).as("the page session stayed signed in through the walk").isEqualTo(200);
		// pages were really opened, not sent to the sign-in page: each of these answered as a record that is not there
		for (String expected : List.of(
				"GET /members/{id} -> 404",
				"GET /dues/bills/{id} -> 404",
				"GET /cases/{id} -> 404",
				"POST /api/v1/cases/{id}/resolve -> 404",
				"GET /activities/{id} -> 404",
				"POST /api/v1/activities/{id}/registrations -> 404",
				"GET /points/orgs/{id} -> 404",
				"POST /api/v1/points/claims/{id}/approve -> 404",
				"GET /points/claims/{id}/evidence -> 404",
				"GET /notices/{id} -> 404",
				"GET /notices/inbox/{id} -> 404",
				"GET /notices/{id}/replies -> 404",
				"POST /api/v1/notices/inbox/{id}/reply -> 404",
				"POST /notices/{id}/withdraw -> 404",
				"PUT /api/v1/notices/{id} -> 404",
				"POST /api/v1/notices/{id}/remind -> 404",
				"GET /notices/{id}/tallies -> 404",
				"GET /welfare/villages/{id} -> 404",
				"GET /welfare/pairings/{id} -> 404",
				"GET /welfare/campaigns/{id} -> 404",
				"GET /thanks/{id} -> 404",
				"POST /api/v1/welfare/pledges/{id}/receipts -> 404",
				"GET /evaluations/{id} -> 404",
				"POST /api/v1/evaluations/{id}/pass -> 404",
				"GET /evaluations/recognitions/{id} -> 404",
				"POST /api/v1/honours/nominations/{id}/endorse -> 404",
				"POST /api/v1/honours/programmes/{id}/nominations/staff (the neighbour's staff) -> 404",
				"POST /api/v1/honours/nominations/{id}/decline -> 404",
				"POST /honours/roll/organization/{orgId}/publish -> 404",
				"POST /honours/roll/organization/{orgId}/withdraw -> 404",
				// ---- benefit ----
				"GET /benefit/merchants/{id} -> 404",
				"PUT /api/v1/merchants/{id} -> 404",
				"POST /benefit/merchants/{id}/account -> 404",
				"GET /api/v1/proposals/suggestions/{id} -> 404",
				"GET /proposals/{id} -> 404",
				"GET /disclosures/{id} -> 404",
				"GET /disclosures/expenses/{expenseId}/voucher -> 404",
				"POST /api/v1/disclosures/{id}/publish -> 404",
				"GET /finance/referrals/{id} -> 404",
				"POST /api/v1/finance/referrals/{id}/grant -> 404",
				"GET /finance/funds/{orgId} -> 404",
				"POST /api/v1/finance/fund-entries/{id}/correct -> 404",
				"GET /investment/projects/{id} -> 404",
				"POST /api/v1/investment/projects/{id}/stage -> 404",
				"GET /investment/projects/{id}/documents/{documentId} -> 404",
				// ---- issue 21: documents through the API
				"GET /api/v1/investment/projects/{id}/documents/{documentId} -> 404",
				"GET /api/v1/proposals/{id}/answer-file -> 404",
				// ---- report: the annual work report
				"GET /reports/returns/{id}/work-report/docx -> 404",
				"PUT /api/v1/reports/returns/{id}/sections -> 404")) {
			assertThat(walked).as(expected).anyMatch(call -> call.startsWith(expected));
		}
		assertThat(walked).as("every mapping was called").hasSizeGreaterThan(40)
			.anyMatch(call -> call.startsWith("GET /organizations/{id}"))
			.anyMatch(call -> call.startsWith("PUT /api/v1/organizations/{id}"));
	}

	@Test
	void theWalkCatchesADeliberatelyUnscopedEndpoint() {
		List<String> leaks = new ArrayList<>();
		mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().getBeanType().isAnnotationPresent(DeliberatelyUnscoped.class))
			.forEach(entry -> walk(entry.getKey(), neighbour, new ArrayList<>(), leaks));
		assertThat(leaks).hasSize(1).first().asString().contains("/api/v1/test-fixture/leaky/");
	}

	private void walk(RequestMappingInfo info, long id, List<String> walked, List<String> leaks) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		for (String pattern : info.getPatternValues()) {
			for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
				// a figure key names a real figure, so the figures SPI's endpoint is walked with the id
				String path = pattern.replaceAll("\\{code}", "130708").replaceAll("\\{key}", "case.cases")
					.replaceAll("\\{[^}]+}", Long.toString(id));
				String query = "?org=" + id + "&id=" + id + "&parentId=" + id + "&orgId=" + id;
				HttpResponse<String> response = send(method.name(), path + query);
				walked.add(method + " " + pattern + " -> " + response.statusCode());
				if (response.body().contains(marker)) {
					leaks.add(method + " " + path + " -> " + response.statusCode());
				}
			}
		}
	}

	// valid financing and investment input (issue 21): names no other module's form uses
	private static final String FINANCE_JSON = ",\"bank\":\"x\",\"creditLine\":\"1\",\"grantedAmount\":\"1\",\"contracted\":\"1\""
			+ ",\"invested\":\"1\"";

	// valid casework input likewise: comments, outcomes, a rating, a session, a visit's findings, time limits
	private static final String CASE_JSON = ",\"comment\":\"x\",\"outcome\":\"x\",\"rating\":5,\"heldOn\":\"2026-01-02\""
			+ ",\"mediators\":\"x\",\"notes\":\"x\",\"visitedOn\":\"2026-01-02\",\"findings\":\"x\",\"acceptDays\":5"
			+ ",\"resolveDays\":10,\"reportedOn\":\"2026-01-02\",\"amountRecovered\":\"1\"";

	// valid dues input, so a write that skipped the scope check would go through rather than fail validation
	private static final String DUES_JSON = ",\"year\":2026,\"amount\":\"1\",\"paidOn\":\"2026-01-02\",\"method\":\"CASH\""
			+ ",\"reason\":\"x\",\"approver\":\"x\",\"proration\":\"FULL\",\"dueOn\":\"2026-03-31\",\"amounts\":{\"MEMBER\":\"1\"}"
			+ ",\"email\":\"x@example.com\"" + CASE_JSON + FINANCE_JSON;



	private static final String DUES_FORM = "&year=2026&amount=1&paidOn=2026-01-02&method=CASH&reason=x&approver=x"
			+ "&proration=FULL&dueOn=2026-03-31&amount.MEMBER=1&email=x%40example.com&comment=x&outcome=x&rating=5"
			+ "&heldOn=2026-01-02&mediators=x&notes=x&visitedOn=2026-01-02&findings=x&reportedOn=2026-01-02";

	private HttpResponse<String> send(String method, String path) {
		boolean api = path.startsWith("/api/");
		if (!api && path.startsWith("/account/sessions")) {
			// ending sessions would sign the walking session out; they concern only one's own account
			return web.get("/account");
		}
		if (!api && method.equals("GET")) {
			return web.get(path);
		}
		if (!api && method.equals("POST")) {
			Map<String, String> fields = new java.util.LinkedHashMap<>();
			for (String pair : ("name=x&version=0&regionCode=130708&role=PRESIDENT&personName=x" + DUES_FORM).split("&")) {
				String[] kv = pair.split("=", 2);
				fields.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
			}
			return web.postForm(path, fields);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded")
			.header("Accept", api ? "application/json" : "text/html")
			.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(api ? "{\"name\":\"" + "x" + "\",\"version\":0" + DUES_JSON + "}"
							: "name=x&version=0&regionCode=130708&role=PRESIDENT&personName=x" + DUES_FORM))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(method + " " + path, e);
		}
	}

	private String fingerprint() {
		Map<String, Object> row = jdbc.sql("select name, version, status, path from organization where id = :id")
			.param("id", neighbour)
			.query()
			.singleRow();
		long terms = jdbc.sql("select count(*) from leadership_term where org_id = :id").param("id", neighbour)
			.query(Long.class).single();
		long history = jdbc.sql("select count(*) from audit_log where entity_type = 'Organization' and entity_id = :id")
			.param("id", Long.toString(neighbour)).query(Long.class).single();
		String members = jdbc.sql("select string_agg(p.name || p.version || m.role || m.version || coalesce(m.left_on::text, ''), ',' order by m.id) "
				+ "from membership m join party p on p.id = m.party_id where m.org_id = :id").param("id", neighbour)
			.query(String.class).single();
		String applications = jdbc.sql("select string_agg(status, ',' order by id) from join_application where org_id = :id")
			.param("id", neighbour).query(String.class).single();
		String dues = jdbc.sql("select (select string_agg(amount_fen || '/' || paid_fen || '/' || waived_fen, ',' order by id) from dues_bill "
				+ "where org_id = :id) || ' entries=' || (select count(*) from dues_entry where org_id = :id) || ' schedule=' "
				+ "|| (select string_agg(role || amount_fen, ',' order by role, amount_fen) from dues_schedule where org_id = :id) || ' email=' "
				+ "|| coalesce((select string_agg(coalesce(c.email, '-') || encode(coalesce(c.phone_hash, ''), 'hex'), ',' order by c.party_id) "
				+ "from party_contact c where c.org_id = :id), '')")
			.param("id", neighbour).query(String.class).single();
		String cases = jdbc.sql("select (select string_agg(state || '/' || version || '/' || org_id || '/' "
				+ "|| coalesce(transfer_to_org_id::text, '-') || '/' || coalesce(rating::text, '-'), ',' order by id) from service_case "
				+ "where org_id = :id) || ' steps=' || (select count(*) from case_step s join service_case c on c.id = s.case_id "
				+ "where c.org_id = :id) || ' files=' || (select count(*) from case_attachment a join service_case c on c.id = a.case_id "
				+ "where c.org_id = :id) || ' visits=' || (select string_agg(state || '/' || version, ',' order by id) from visit where org_id = :id)"
				+ " || ' limits=' || (select count(*) from case_time_limit where org_id = :id)")
			.param("id", neighbour).query(String.class).single();
		String activities = jdbc.sql("select coalesce(string_agg(a.status || '/' || a.version || '/' || (select coalesce(string_agg("
				+ "t.status || coalesce(t.checked_in_at::text, '-'), ',' order by t.id), '') from activity_attendee t where t.activity_id = a.id)"
				+ " || '/' || (select count(*) from activity_invitee i where i.activity_id = a.id)"
				+ " || '/' || (select count(*) from activity_file f where f.activity_id = a.id), ',' order by a.id), '') "
				+ "from activity a where a.org_id = :id").param("id", neighbour).query(String.class).single();
		// ---- points: the neighbour's claims and entries ----
		String points = jdbc.sql("select coalesce((select string_agg(status || '/' || version, ',' order by id) from point_claim "
				+ "where org_id = :id), '') || ' entries=' || (select count(*) from point_entry where org_id = :id)")
			.param("id", neighbour).query(String.class).single();
		// (issue 20's rest: edits, withdrawal, reminder jobs and the members' tallies too)
		String notices = jdbc.sql("select string_agg(n.id || '/' || n.title || '/' || n.orgs_read || '/' || n.members_read || '/' "
				+ "|| n.edits || coalesce(n.withdrawn_at::text, '-') || '/' || (select count(*) from notice_reminder_job j where j.notice_id = n.id)"
				+ " || '/' || coalesce((select sum(t.read) from notice_member_tally t where t.notice_id = n.id), 0) || '/' "
				+ "|| (select count(*) from notice_file f where f.notice_id = n.id) || '/' || coalesce((select string_agg(y.status || y.rounds "
				+ "|| coalesce(y.return_reason, '-') || coalesce(y.text, '-'), ',') from notice_reply y where y.notice_id = n.id), '') || '/' "
				+ "|| coalesce((select string_agg(coalesce(r.read_at::text, '-') || coalesce(r.reminded_on::text, '-'), ',') "
				+ "from notice_org_recipient r where r.notice_id = n.id), '') || '/' || (select count(*) from notice_member_recipient m "
				+ "where m.notice_id = n.id and (m.read_at is not null or m.reminded_on is not null)), ',' order by n.id) "
				+ "from notice n where n.id = any(:ids)").param("ids", noticeIds.toArray(Long[]::new)).query(String.class).single();
		// ---- honour (issue 18) ----
		String honours = jdbc.sql("select coalesce(string_agg(n.status || '/' || n.version || '/' || coalesce(n.rank::text, '-') || '/'"
				+ " || (select count(*) from honour_objection o where o.nomination_id = n.id) || '/' || coalesce((select a.certificate_number"
				+ " || coalesce(a.revoke_reason, '-') || coalesce(a.plaque_handed_on::text, '-') from honour_award a where a.nomination_id = n.id),"
				+ " '-'), ',' order by n.id), '') || '/roll:' || (select count(*) from honour_public_roll r where r.org_id = :id)"
				+ " || '/staff:' || (select count(*) from honour_nomination s where s.honoree_account_id = :staff)"
				+ " from honour_nomination n where n.nominator_org_id = :id")
			.param("id", neighbour).param("staff", neighbourStaff).query(String.class).single();
		// ---- welfare: every row of the neighbour's, money and all ----
		String welfare = jdbc.sql("select (select string_agg(name || '/' || coalesce(stat_code, '-') || '/' || version, ',' order by id)"
				+ " from welfare_village where org_id = :id) || ' pairings=' || (select string_agg(status || '/' || version || '/'"
				+ " || coalesce(ends_on::text, '-'), ',' order by id) from welfare_pairing where org_id = :id) || ' projects=' || (select"
				+ " string_agg(j.committed_fen || '/' || coalesce(j.completed_on::text, '-'), ',' order by j.id) from welfare_project j"
				+ " join welfare_pairing p on p.id = j.pairing_id where p.org_id = :id) || ' payments=' || (select count(*) || '/'"
				+ " || coalesce(sum(m.amount_fen), 0) from welfare_payment m join welfare_project j on j.id = m.project_id join"
				+ " welfare_pairing p on p.id = j.pairing_id where p.org_id = :id) || ' progress=' || (select count(*) from welfare_progress r"
				+ " join welfare_project j on j.id = r.project_id join welfare_pairing p on p.id = j.pairing_id where p.org_id = :id)"
				+ " || ' advisers=' || (select count(*) from welfare_adviser where org_id = :id) || ' campaigns=' || (select"
				+ " string_agg(title || '/' || roll_published || '/' || version, ',' order by id) from welfare_campaign where org_id = :id)"
				+ " || ' pledges=' || (select count(*) from welfare_pledge x join welfare_campaign c on c.id = x.campaign_id"
				+ " where c.org_id = :id) || ' receipts=' || (select count(*) || '/' || coalesce(sum(r.money_fen), 0) from welfare_receipt r"
				+ " join welfare_campaign c on c.id = r.campaign_id where c.org_id = :id) || ' transfers=' || (select count(*) || '/' || coalesce(sum(t.amount_fen), 0)"
				+ " from welfare_transfer t join welfare_campaign c on c.id = t.campaign_id where c.org_id = :id) || ' agreements='"
				+ " || (select string_agg(status || '/' || version || '/' || (select count(*) from welfare_agreement_visit v"
				+ " where v.agreement_id = a.id), ',' order by id) from welfare_agreement a where a.org_id = :id)")
			.param("id", neighbour).query(String.class).single();
		// evaluation (issue 17): the neighbour's evaluations, their scores and evidence, recognitions and objections
		String evaluations = jdbc.sql("select coalesce(string_agg(e.status || '/' || e.level || '/' || e.version || '/' "
				+ "|| (select count(*) || ':' || coalesce(sum(s.points), 0) from evaluation_score s where s.evaluation_id = e.id) || '/' "
				+ "|| (select count(*) from evaluation_evidence v where v.evaluation_id = e.id) || '/' "
				+ "|| coalesce((select string_agg(r.level || coalesce(r.withdrawn_reason, '-') || (select count(*) || ':' || count(o.answered_at) "
				+ "from evaluation_objection o where o.recognition_id = r.id), ',' order by r.id) from evaluation_recognition r "
				+ "where r.evaluation_id = e.id), ''), ',' order by e.id), '') from evaluation e where e.org_id = :id")
			.param("id", neighbour).query(String.class).single();
		// ---- survey ----
		String surveys = jdbc.sql("select coalesce(string_agg(s.status || '/' || s.closes_at || '/' || s.title || '/' "
				+ "|| (select count(*) from survey_question q where q.survey_id = s.id) || '/' "
				+ "|| (select count(*) from survey_respondent r where r.survey_id = s.id) || '/' "
				+ "|| (select count(*) from survey_response r where r.survey_id = s.id), ',' order by s.id), '') "
				+ "from survey s where s.org_id = :id").param("id", neighbour).query(String.class).single();
		// ---- publication ----
		String publications = jdbc.sql("select (select coalesce(string_agg(p.status || '/' || p.title, ',' order by p.id), '') from policy p"
				+ " where p.org_id = :id) || ' issues=' || (select count(*) from publication_issue i join publication p on p.id = i.publication_id"
				+ " where p.org_id = :id) || ' copies=' || (select count(*) from publication_distribution d join publication_issue i"
				+ " on i.id = d.issue_id join publication p on p.id = i.publication_id where p.org_id = :id)")
			.param("id", neighbour).query(String.class).single();
		// ---- benefit: the neighbour's merchants and their uses ----
		String benefit = jdbc.sql("select coalesce(string_agg(m.name || '/' || m.terms || '/' || m.version || '/' || coalesce(m.account_id, 0)"
				+ " || '/' || (select count(*) from benefit_card_use u where u.merchant_id = m.id), ',' order by m.id), '')"
				+ " from benefit_merchant m where m.org_id = :id").param("id", neighbour).query(String.class).single();
		// ---- report: the neighbour's return, its cells and course ----
		String reports = jdbc.sql("select coalesce(string_agg(r.status || '/' || r.version || '/' || coalesce(r.return_reason, '-') || '/' "
				+ "|| (select string_agg(c.cell_key || '=' || coalesce(c.value::text, '-') || coalesce(c.reason, ''), ',' order by c.cell_key)"
				+ " from report_cell c where c.return_id = r.id) || '/' || (select count(*) from report_step s where s.return_id = r.id)"
				+ " || '/' || (select coalesce(string_agg(n.section || '=' || n.text, ',' order by n.section), '') from report_narrative n"
				+ " where n.return_id = r.id),"
				+ " ',' order by r.id), '') from report_return r where r.org_id = :id").param("id", neighbour).query(String.class).single();
		// ---- proposal, disclosure (issue 21) ----
		String proposals = jdbc.sql("select (select coalesce(string_agg(s.id || '/' || coalesce(s.proposal_id::text, '-'), ','"
				+ " order by s.id), '') from proposal_suggestion s where s.org_id = :id) || ' proposals=' || (select coalesce("
				+ "string_agg(p.status || '/' || p.version || '/' || (select count(*) from proposal_step t where t.proposal_id = p.id),"
				+ " ',' order by p.id), '') from proposal p where exists (select 1 from proposal_suggestion s where s.proposal_id = p.id"
				+ " and s.org_id = :id)) || ' disclosures=' || (select coalesce(string_agg(d.status || '/' || d.version || '/'"
				+ " || (select count(*) from disclosure_expense x where x.disclosure_id = d.id) || '/' || (select count(*) from"
				+ " disclosure_resolution r where r.disclosure_id = d.id) || '/' || (select count(*) from disclosure_document m where"
				+ " m.disclosure_id = d.id), ',' order by d.id), '') from disclosure d where d.org_id = :id)")
			.param("id", neighbour).query(String.class).single();
		// ---- finance / investment (issue 21): every row of the neighbour's ----
		String financing = jdbc.sql("select (select coalesce(string_agg(bank || '/' || credit_line_fen, ',' order by id), '') from finance_agreement"
				+ " where org_id = :id) || ' referrals=' || (select coalesce(string_agg(status || '/' || version || '/' || coalesce(bank, '-'),"
				+ " ',' order by id), '') from finance_referral where org_id = :id) || ' fund=' || (select count(*) || '/'"
				+ " || coalesce(sum(amount_fen), 0) from finance_fund_entry where org_id = :id) || ' projects=' || (select coalesce(string_agg("
				+ "p.stage || '/' || p.version || '/' || p.contracted_fen || '/' || (select count(*) from investment_stage s where s.project_id = p.id)"
				+ " || '/' || (select count(*) from investment_document d where d.project_id = p.id), ',' order by p.id), '')"
				+ " from investment_project p where p.org_id = :id)")
			.param("id", neighbour).query(String.class).single();
		return "benefit=" + benefit + " reports=" + reports + " " + row + " terms=" + terms + " history=" + history + " members=" + members + " applications=" + applications
				+ " dues=" + dues + " cases=" + cases + " activities=" + activities + " points=" + points + " notices=" + notices
				+ " honours=" + honours + " welfare=" + welfare + " evaluations=" + evaluations + " surveys=" + surveys
				+ " publications=" + publications + " proposals=" + proposals + " financing=" + financing;
	}

}
