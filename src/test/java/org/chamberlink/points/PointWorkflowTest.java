package org.chamberlink.points;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.casework.VisitWorkflow;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules, claims, back-fill, ranking and scope against the real database: bad input refused with
 * nothing written, a claim decided only above the claiming chamber, a back-fill run twice writing
 * once, the ranking and a chamber's standing, and the neighbour's records not found.
 */
@IntegrationTest
@Tag("database")
class PointWorkflowTest {

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
	PointClaims claims;

	@Autowired
	PointBackfill backfill;

	@Autowired
	PointLedger ledger;

	@Autowired
	VisitWorkflow visits;

	TestTree tree;

	LocalDate today;

	@BeforeEach
	void aProvince() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("积分流程");
		today = LocalDate.now(ChinaTime.ZONE);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aNegativeCapAChamberAsOrganiserAndMissingFieldsAreRefusedWithNothingWritten() {
		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		long before = rules();
		assertRefused(() -> rules.create(form(tree.county(), PointAction.MANUAL, 5, -1)), "yearlyCap", "points.rule.capNegative");
		assertRefused(() -> rules.create(form(tree.county(), PointAction.MANUAL, 0, null)), "points", "points.rule.pointsRange");
		assertRefused(() -> rules.create(form(tree.chamber(), PointAction.MANUAL, 5, null)), "orgId",
				"points.rule.organiserNotFederation");
		assertRefused(() -> rules.create(new PointRuleForm(tree.county(), " ", PointCategory.INVESTMENT, PointAction.MANUAL, 5, null,
				PointLevel.CHAMBER)), "name", "points.rule.nameRequired");
		assertThatThrownBy(() -> rules.create(form(tree.neighbourCounty(), PointAction.MANUAL, 5, null)))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(rules()).isEqualTo(before);
	}

	@Test
	void aClaimNeedsEvidenceAndIsDecidedByTheLevelAboveOnlyThenItsPointsCount() {
		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		Long rule = rules.create(form(tree.county(), PointAction.MANUAL, 10, 15));
		signIn(tree.account(tree.chamber(), Role.CHAMBER_ADMIN));
		PointClaims.ClaimForm form = new PointClaims.ClaimForm(null, rule, "引进项目一个，投资 2000 万元", today);
		assertRefused(() -> claims.submit(form, null), "evidence", "points.claim.evidenceRequired");
		assertRefused(() -> claims.submit(new PointClaims.ClaimForm(null, rule, "x", today.plusDays(1)), evidence()), "happenedOn",
				"points.claim.happenedOnRange");
		assertThat(jdbc.sql("select count(*) from point_claim where org_id = :o").param("o", tree.chamber()).query(Long.class)
			.single()).isZero();
		Long first = claims.submit(form, evidence());
		Long second = claims.submit(form, evidence());
		// the chamber cannot approve its own claim
		assertRefused(() -> claims.approve(first), "status", "points.claim.decideAbove");
		// the neighbouring county does not see it
		signIn(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThatThrownBy(() -> claims.approve(first)).isInstanceOf(RecordNotFoundException.class);
		signIn(tree.account(tree.county(), Role.FEDERATION_ADMIN));
		assertRefused(() -> claims.reject(second, " "), "reason", "points.claim.reasonRequired");
		claims.approve(first);
		claims.approve(second);
		assertRefused(() -> claims.approve(first), "status", "points.claim.decidedAlready");
		// the cap (15) leaves 5 of the second claim's 10
		PointStanding standing = ledger.standing(tree.chamber(), today.getYear());
		assertThat(standing.points()).isEqualTo(15);
		assertThat(standing.entries()).extracting(PointEntryView::points).containsExactly(5, 10);
		assertThat(standing.byRule()).singleElement().satisfies(r -> {
			assertThat(r.entries()).isEqualTo(2);
			assertThat(r.points()).isEqualTo(15);
		});
		assertThat(standing.entryCount()).isEqualTo(2);
		assertThat(standing.pages()).isEqualTo(1);
		assertThat(ledger.standing(tree.chamber(), today.getYear(), 1).entries()).as("past the last page").isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'PointClaim' and entity_id in (:ids)")
			.param("ids", List.of(first.toString(), second.toString())).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aBackFillAppliesANewRuleToThePastOnceAndTheRankingShowsIt() {
		signIn(tree.account(tree.chamber(), Role.STAFF));
		long party = MemberFixture.person(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "补记会员" + tree.tag(),
				MemberFixture.identityNumber(), MemberFixture.phone());
		for (int i = 0; i < 2; i++) {
			Long visit = visits.plan(tree.chamber(), party, today.getYear(), 1, "秘书长", "走访");
			visits.complete(visit, today, "经营正常", List.of());
		}
		signIn(tree.account(tree.neighbour(), Role.STAFF));
		long other = MemberFixture.person(port, tree.token(tree.neighbour(), Role.CHAMBER_ADMIN), tree.neighbour(),
				"邻会会员" + tree.tag(), MemberFixture.identityNumber(), MemberFixture.phone());
		Long visit = visits.plan(tree.neighbour(), other, today.getYear(), 1, "秘书长", "走访");
		visits.complete(visit, today, "经营正常", List.of());
		signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		Long rule = rules.create(form(tree.province(), PointAction.VISIT_COMPLETED, 4, null));
		assertRefused(() -> backfill.run(rule, today, today.minusDays(1)), "to", "points.backfill.periodRange");
		assertThat(backfill.run(rule, today.withDayOfYear(1), today)).isEqualTo(3);
		String ledgerBefore = ledgerOf(rule);
		assertThat(backfill.run(rule, today.withDayOfYear(1), today)).isZero();
		assertThat(ledgerOf(rule)).isEqualTo(ledgerBefore);
		PointRanking ranking = ledger.ranking(tree.province(), today.getYear(), PointLevel.CHAMBER, 0);
		assertThat(ranking.rows()).extracting(PointRanking.Row::orgId, PointRanking.Row::points, PointRanking.Row::rank)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(tree.chamber(), 8L, 1L),
					org.assertj.core.groups.Tuple.tuple(tree.neighbour(), 4L, 2L));
		// the chamber sees its rank within its county and its province, without the neighbour's name
		signIn(tree.account(tree.chamber(), Role.CHAMBER_ADMIN));
		PointStanding standing = ledger.standing(tree.chamber(), today.getYear());
		assertThat(standing.ranks()).extracting(PointStanding.Rank::withinId, PointStanding.Rank::rank, PointStanding.Rank::of)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(tree.province(), 1L, 2L),
					org.assertj.core.groups.Tuple.tuple(tree.county(), 1L, 1L));
		assertThatThrownBy(() -> ledger.standing(tree.neighbour(), today.getYear())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> ledger.ranking(tree.county(), today.getYear(), PointLevel.CHAMBER, 0))
			.isInstanceOf(RecordNotFoundException.class);
	}

	private String ledgerOf(Long rule) {
		return jdbc.sql("select string_agg(org_id || ':' || points || ':' || source_id, ',' order by id) || ' totals='"
				+ " || (select string_agg(org_id || ':' || points, ',' order by org_id) from point_total where org_id in (:orgs))"
				+ " from point_entry where rule_id = :rule")
			.param("rule", rule)
			.param("orgs", List.of(tree.chamber(), tree.neighbour()))
			.query(String.class)
			.single();
	}

	private long rules() {
		return jdbc.sql("select count(*) from point_rule").query(Long.class).single();
	}

	private PointRuleForm form(long org, PointAction action, int points, Integer cap) {
		return new PointRuleForm(org, "规则" + action + tree.tag(), PointCategory.INVESTMENT, action, points, cap, PointLevel.CHAMBER);
	}

	private static PointClaims.Evidence evidence() {
		return new PointClaims.Evidence("合同.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 });
	}

	private static void assertRefused(Runnable call, String field, String key) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
