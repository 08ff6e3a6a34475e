package org.chamberlink.casework;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.shared.ChinaTime;
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

/**
 * What other modules (the points ledger to come) hear from casework: a resolved case, a reopened
 * case and a completed visit are published as events, with what a counter needs to know.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class CaseEventsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseFiling filing;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	Visits visits;

	@Autowired
	CaseSatisfaction satisfaction;

	long chamber;

	long party;

	String chamberPath;

	@BeforeEach
	void aChamberWithAMember() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "事件测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "裕华区工商联", "130108", province);
		chamber = fixture.chamber("INDUSTRY", "裕华区家居商会", "130108", county);
		party = MemberFixture.person(port, fixture.tokenIn(chamber, Role.CHAMBER_ADMIN), chamber, "孙志刚",
				MemberFixture.identityNumber(), MemberFixture.phone());
		chamberPath = jdbc.sql("select path from organization where id = :id").param("id", chamber).query(String.class).single();
		signIn(new TestAccounts(accountManagement).createIn(chamber, Role.STAFF));
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void resolvingACasePublishesCaseResolved(Scenario scenario) {
		Long id = filing.file(CaseForm.complaint(CaseCategory.ARBITRARY_CHARGES, chamber, party, "乱罚款",
				"无依据罚款 800 元", RespondentKind.AUTHORITY, "某执法队", "800"));
		workflow.accept(id, null, null);
		scenario.stimulate(() -> workflow.resolve(id, new ResolveForm("已撤销罚款", "800", null), null))
			.andWaitForEventOfType(CaseResolved.class)
			.matching(event -> event.caseId().equals(id))
			.toArriveAndVerify(event -> {
				assertThat(event.kind()).isEqualTo(CaseKind.COMPLAINT);
				assertThat(event.category()).isEqualTo(CaseCategory.ARBITRARY_CHARGES);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.amountRecoveredFen()).isEqualTo(80_000L);
				assertThat(event.resolvedAt()).isNotNull();
			});
	}

	@Test
	void theMemberReopeningAResolvedCasePublishesCaseReopened(Scenario scenario) {
		Long id = filing.file(CaseForm.of(CaseCategory.FINANCING, chamber, party, "贷款", "流动资金贷款 50 万元"));
		workflow.accept(id, null, null);
		workflow.resolve(id, new ResolveForm("已对接银行", null, null), null);
		signIn(CaseFixture.memberAccount(accountManagement, jdbc, party));
		scenario.stimulate(() -> satisfaction.reopen(currentMember(), id, "贷款未放款"))
			.andWaitForEventOfType(CaseReopened.class)
			.matching(event -> event.caseId().equals(id))
			.toArriveAndVerify(event -> {
				assertThat(event.kind()).isEqualTo(CaseKind.NEED);
				assertThat(event.category()).isEqualTo(CaseCategory.FINANCING);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.reopenedFrom()).isEqualTo(CaseState.RESOLVED);
				assertThat(event.reopenedAt()).isNotNull();
			});
	}

	private static AccountPrincipal currentMember() {
		return (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
	}

	@Test
	void completingAVisitPublishesVisitCompletedWithTheNeedsItRaised(Scenario scenario) {
		Long visit = visits.plan(chamber, party, LocalDate.now(ChinaTime.ZONE).getYear(), 4, "秘书长", "了解经营情况");
		scenario.stimulate(() -> visits.complete(visit, LocalDate.now(ChinaTime.ZONE), "订单下滑，资金紧张",
				List.of(new Visits.RaisedNeed(CaseCategory.FINANCING, "流动资金贷款 30 万元", null))))
			.andWaitForEventOfType(VisitCompleted.class)
			.matching(event -> event.visitId().equals(visit))
			.toArriveAndVerify(event -> {
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.orgId()).isEqualTo(chamber);
				assertThat(event.orgPath()).isEqualTo(chamberPath);
				assertThat(event.visitedOn()).isEqualTo(LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE));
				assertThat(event.needsRaised()).isEqualTo(1);
			});
		assertThat(jdbc.sql("select count(*) from service_case where visit_id = :v and kind = 'NEED' and channel = 'VISIT'")
			.param("v", visit).query(Long.class).single()).isEqualTo(1);
	}

}
