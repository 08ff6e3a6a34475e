package org.chamberlink.activity;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.casework.VisitWorkflow;
import org.chamberlink.evaluation.EvaluationIndicators;
import org.chamberlink.evaluation.Indicator;
import org.chamberlink.evaluation.IndicatorValue;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.DuesFixture;
import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's pre-fill (issue 17: every chamber of a city in ≤ 5 s) reads each indicator's source once
 * for all organisations ({@link EvaluationIndicators#measureAll}); each value must be what the
 * per-organisation {@link EvaluationIndicators#measure} gives. Here on the activity scene's tree
 * (activities in the county and its chamber, members in both) with dues billed and one paid, a case
 * filed and visits planned and completed in the chamber: for a county's officer (whose own county's
 * parent lies outside the scope) and a province's, and a neighbour's organisation is left out.
 */
@IntegrationTest
@Tag("database")
class EvaluationPrefillTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VisitWorkflow visits;

	@Autowired
	EvaluationIndicators indicators;

	ActivityScene scene;

	@BeforeEach
	void plant() {
		scene = ActivityScene.plant(beans, port, "预填");
		scene.councilMinutes();
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		long chamber = scene.tree.chamber();
		// dues: the chamber's four members billed (one payment recorded)
		DuesFixture.schedule(port, scene.chamberToken, chamber, year, "1000");
		DuesFixture.bill(port, scene.chamberToken, chamber, year);
		long bill = jdbc.sql("select id from dues_bill where org_id = :o order by id limit 1").param("o", chamber).query(Long.class).single();
		DuesFixture.pay(port, scene.chamberToken, bill, "1000");
		// a case filed by a member of the chamber
		HttpResponse<String> filed = Api.post(port, "/api/v1/cases", scene.chamberToken,
				CaseFixture.complaintJson(chamber, scene.partyOf(scene.jia), "1200"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		// visits: two planned this quarter, one completed
		AccountPrincipal chamberAdmin = scene.tree.account(chamber, Role.CHAMBER_ADMIN);
		ActivityScene.signIn(chamberAdmin);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		int quarter = (today.getMonthValue() + 2) / 3;
		Long done = visits.plan(chamber, scene.partyOf(scene.jia), year, quarter, "秘书长", "了解经营");
		visits.plan(chamber, scene.partyOf(scene.yi), year, quarter, "秘书长", "了解经营");
		visits.complete(done, today, "经营正常", List.of());
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theSetBasedPrefillEqualsEachOrganisationMeasuredAlone() {
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Set<Indicator> all = EnumSet.allOf(Indicator.class);
		List<Long> countyView = List.of(scene.tree.chamber(), scene.secondChamber, scene.tree.county(), scene.tree.neighbour());

		ActivityScene.signIn(scene.tree.account(scene.tree.county(), Role.FEDERATION_ADMIN));
		Map<Long, Map<Indicator, IndicatorValue>> prefilled = indicators.measureAll(countyView, year, today, all);
		// the neighbour lies outside the county's scope: left out, as an unknown id
		assertThat(prefilled.keySet()).containsExactlyInAnyOrder(scene.tree.chamber(), scene.secondChamber, scene.tree.county());
		for (Long org : prefilled.keySet()) {
			assertThat(prefilled.get(org)).as("organisation %d", org).isEqualTo(indicators.measure(org, year, today, all));
		}
		// the chamber's records are really in it (not zeros on both sides)
		Map<Indicator, IndicatorValue> chamber = prefilled.get(scene.tree.chamber());
		assertThat(chamber.get(Indicator.ACTIVITIES).args()).containsExactly(2L, 4L);
		assertThat(chamber.get(Indicator.VISITS).args()).containsExactly(2L, 1L);
		assertThat(chamber.get(Indicator.MEMBER_GROWTH).args().get(1)).isEqualTo(4L);
		assertThat(chamber.get(Indicator.CASES).args().get(0)).isEqualTo(0L);
		assertThat(chamber.get(Indicator.DUES_RATE).met()).isNotNull();
		assertThat((String) chamber.get(Indicator.DUES_RATE).args().get(1)).endsWith("/ 4");
		assertThat(chamber.get(Indicator.REGISTERED).href()).isEqualTo("/organizations/" + scene.tree.chamber());

		SecurityContextHolder.clearContext();
		ActivityScene.signIn(scene.tree.account(scene.tree.province(), Role.FEDERATION_ADMIN));
		List<Long> provinceView = List.of(scene.tree.chamber(), scene.secondChamber, scene.tree.county(), scene.tree.neighbour(),
				scene.tree.neighbourCounty());
		Map<Long, Map<Indicator, IndicatorValue>> all5 = indicators.measureAll(provinceView, year, today, all);
		assertThat(all5).hasSize(5);
		for (Long org : provinceView) {
			assertThat(all5.get(org)).as("organisation %d", org).isEqualTo(indicators.measure(org, year, today, all));
		}
		assertThat(all5.get(scene.tree.county()).get(Indicator.ACTIVITIES).args()).containsExactly(3L, 8L);
	}

}
