package org.chamberlink.points;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityForm;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.casework.CaseCategory;
import org.chamberlink.casework.CaseFiling;
import org.chamberlink.casework.CaseForm;
import org.chamberlink.casework.CaseRated;
import org.chamberlink.casework.CaseSatisfaction;
import org.chamberlink.casework.CaseWorkflow;
import org.chamberlink.casework.ResolveForm;
import org.chamberlink.casework.VisitWorkflow;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every source event turned into points (decision 36), each wiring driven through the source
 * module's service as its API does and awaited with a Modulith {@link Scenario}: a case resolved
 * and rated satisfied, and its reopening; a visit completed; an activity held with attendance; a
 * dues payment, the yearly cap and the payment's reversal. An event delivered twice writes once.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class PointEventsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PointRules rules;

	@Autowired
	PointListeners listeners;

	@Autowired
	CaseFiling filing;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseSatisfaction satisfaction;

	@Autowired
	VisitWorkflow visits;

	@Autowired
	ActivityPlanning planning;

	@Autowired
	ActivityCheckIns checkIns;

	TestTree tree;

	long party;

	long membership;

	int year;

	@BeforeEach
	void aProvinceWithRulesAndAChamberWithAMember() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("积分事件");
		party = MemberFixture.person(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "积分会员" + tree.tag(),
				MemberFixture.identityNumber(), MemberFixture.phone());
		membership = jdbc.sql("select id from membership where party_id = :p").param("p", party).query(Long.class).single();
		year = LocalDate.now(ChinaTime.ZONE).getYear();
		signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		rule(PointAction.CASE_SATISFIED, 5, 100);
		rule(PointAction.VISIT_COMPLETED, 2, null);
		rule(PointAction.ACTIVITY_HELD, 3, null);
		rule(PointAction.DUES_PAID, 1, 2);
		signIn(tree.account(tree.chamber(), Role.STAFF));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCaseResolvedAndRatedSatisfiedEarnsPointsAndReopeningItTakesThemBack(Scenario scenario) {
		Long unsatisfied = resolvedCase("贷款未办成");
		Long id = resolvedCase("流动资金贷款");
		signIn(CaseFixture.memberAccount(accountManagement, jdbc, party));
		scenario.stimulate(() -> satisfaction.rate(member(), unsatisfied, 3, "一般"))
			.andWaitForEventOfType(CaseRated.class)
			.matching(event -> event.caseId().equals(unsatisfied))
			.toArriveAndVerify(event -> assertThat(event.satisfied()).isFalse());
		scenario.stimulate(() -> satisfaction.rate(member(), id, 5, "满意"))
			.andWaitForStateChange(() -> total(tree.chamber()), points -> points == 5)
			.andVerify(points -> {
				assertThat(entries("CASE", id)).containsExactly("AWARD 5");
				assertThat(entries("CASE", unsatisfied)).isEmpty();
			});
		scenario.stimulate(() -> satisfaction.reopen(member(), id, "贷款未放款"))
			.andWaitForStateChange(() -> entries("CASE", id), list -> list.size() == 2)
			.andVerify(list -> {
				assertThat(list).containsExactly("AWARD 5", "REVERSAL -5");
				assertThat(total(tree.chamber())).isZero();
			});
	}

	@Test
	void aVisitCompletedEarnsPoints(Scenario scenario) {
		Long visit = visits.plan(tree.chamber(), party, year, 4, "秘书长", "了解经营情况");
		scenario.stimulate(() -> visits.complete(visit, LocalDate.now(ChinaTime.ZONE), "经营正常", java.util.List.of()))
			.andWaitForStateChange(() -> entries("VISIT", visit), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).containsExactly("AWARD 2"));
	}

	@Test
	void anActivityHeldWithAttendanceEarnsPoints(Scenario scenario) {
		LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
		Long activity = planning.create(ActivityForm.of(tree.chamber(), ActivityKind.TRAINING, "积分培训", now.minusMinutes(5),
				now.plusHours(2), "商会会议室", null));
		planning.publish(activity);
		checkIns.checkInMember(activity, membership);
		scenario.stimulate(() -> planning.markHeld(activity))
			.andWaitForStateChange(() -> entries("ACTIVITY", activity), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).containsExactly("AWARD 3"));
	}

	@Test
	void anActivityMarkedHeldBeforeItsSheetWasTickedEarnsPointsWithItsFirstCheckIn(Scenario scenario) {
		LocalDateTime lastWeek = LocalDateTime.now(ChinaTime.ZONE).minusWeeks(1).truncatedTo(ChronoUnit.HOURS);
		Long activity = planning.create(ActivityForm.of(tree.chamber(), ActivityKind.TRAINING, "培训（补录）", lastWeek,
				lastWeek.plusHours(2), "商会会议室", null));
		planning.markHeld(activity);
		scenario.stimulate(() -> checkIns.checkInMember(activity, membership))
			.andWaitForStateChange(() -> entries("ACTIVITY", activity), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).containsExactly("AWARD 3"));
	}

	@Test
	void duesPaymentsEarnPointsUpToTheYearlyCapAndAReversalTakesThemBack(Scenario scenario) {
		String admin = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		DuesFixture.schedule(port, admin, tree.chamber(), year, "500");
		DuesFixture.bill(port, admin, tree.chamber(), year);
		long bill = jdbc.sql("select id from dues_bill where membership_id = :m").param("m", membership).query(Long.class).single();
		long[] paid = new long[3];
		scenario.stimulate(() -> {
			paid[0] = DuesFixture.pay(port, admin, bill, "100");
			paid[1] = DuesFixture.pay(port, admin, bill, "100");
		}).andWaitForStateChange(() -> total(tree.chamber()), points -> points == 2).andVerify(points -> {
			assertThat(entries("DUES_PAYMENT", paid[0])).containsExactly("AWARD 1");
			assertThat(entries("DUES_PAYMENT", paid[1])).containsExactly("AWARD 1");
		});
		// the third payment of the year finds the cap (2) reached: nothing written
		paid[2] = DuesFixture.pay(port, admin, bill, "100");
		scenario.stimulate(() -> assertThat(Api.post(port, "/api/v1/dues/payments/" + paid[0] + "/reversal", admin,
				"{\"reason\":\"记错\"}").statusCode()).isEqualTo(201))
			.andWaitForStateChange(() -> entries("DUES_PAYMENT", paid[0]), list -> list.size() == 2)
			.andVerify(list -> {
				assertThat(list).containsExactly("AWARD 1", "REVERSAL -1");
				assertThat(entries("DUES_PAYMENT", paid[2])).isEmpty();
				assertThat(total(tree.chamber())).isEqualTo(1);
			});
	}

	@Test
	void anEventDeliveredTwiceWritesOnce() {
		var event = new org.chamberlink.casework.VisitCompleted(999_000_000L + tree.chamber(), tree.chamber(),
				jdbc.sql("select path from organization where id = :id").param("id", tree.chamber()).query(String.class).single(),
				party, LocalDate.now(ChinaTime.ZONE), 0);
		// the listener runs asynchronously, as the registry calls it: both deliveries race for the same occurrence
		listeners.on(event);
		listeners.on(event);
		await().atMost(Duration.ofSeconds(20)).until(() -> total(tree.chamber()) == 2);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(entries("VISIT", event.visitId())).containsExactly("AWARD 2"));
		assertThat(total(tree.chamber())).isEqualTo(2);
	}

	private Long resolvedCase(String title) {
		signIn(tree.account(tree.chamber(), Role.STAFF));
		Long id = filing.file(CaseForm.of(CaseCategory.FINANCING, tree.chamber(), party, title, title + "，金额 50 万元"));
		workflow.accept(id, null, null);
		workflow.resolve(id, new ResolveForm("已对接银行", null, null), null);
		return id;
	}

	private void rule(PointAction action, int points, Integer cap) {
		rules.create(new PointRuleForm(tree.province(), action.name() + tree.tag(), PointCategory.SERVING_MEMBERS, action, points,
				cap, PointLevel.CHAMBER));
	}

	private long total(long org) {
		return jdbc.sql("select coalesce(sum(points), 0) from point_total where org_id = :org").param("org", org)
			.query(Long.class).single();
	}

	private java.util.List<String> entries(String type, long source) {
		return jdbc.sql("select kind || ' ' || points from point_entry where source_type = :type and source_id = :id order by id")
			.param("type", type)
			.param("id", source)
			.query(String.class)
			.list();
	}

	private static AccountPrincipal member() {
		return (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
