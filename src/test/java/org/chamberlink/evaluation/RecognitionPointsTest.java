package org.chamberlink.evaluation;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.points.PointAction;
import org.chamberlink.points.PointBackfill;
import org.chamberlink.points.PointCategory;
import org.chamberlink.points.PointLevel;
import org.chamberlink.points.PointRuleForm;
import org.chamberlink.points.PointRules;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recognition earns the chamber points (issue 17, decision 47): passing an evaluation at a level
 * publishes {@link RecognitionGranted}, which the points ledger awards by the rules of recognitions
 * scoring the chamber — once per recognition, so once per level —; withdrawing it publishes
 * {@link RecognitionWithdrawn}, which reverses them; the back-fill finds the same occurrence and writes
 * nothing twice, and nothing for a withdrawn recognition.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class RecognitionPointsTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Schemes schemes;

	@Autowired
	Campaigns campaigns;

	@Autowired
	EvaluationSubmissions submissions;

	@Autowired
	EvaluationReviews reviews;

	@Autowired
	Recognitions recognitions;

	@Autowired
	PointRules rules;

	@Autowired
	PointBackfill backfill;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRecognitionEarnsPointsAndWithdrawingItTakesThemBack(Scenario scenario) {
		EvaluationScene scene = EvaluationScene.plant(beans, port, "认定积分");
		OrganizationFixture fixture = scene.fixture();
		AccountPrincipal county = fixture.account(scene.county(), Role.FEDERATION_ADMIN);
		AccountPrincipal chamber = fixture.account(scene.chamber(), Role.CHAMBER_ADMIN);
		AccountPrincipal city = fixture.account(scene.city(), Role.FEDERATION_ADMIN);
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		Scheme scheme = schemes.get(schemes.list().stream().filter(s -> s.code().equals("SIHAO")).findFirst().orElseThrow().id());

		EvaluationWorkflowTest.signIn(city);
		Long rule = rules.create(new PointRuleForm(scene.city(), "获评四好" + scene.tag(), PointCategory.INTEGRITY,
				PointAction.RECOGNITION_GRANTED, 20, null, PointLevel.CHAMBER));
		EvaluationWorkflowTest.signIn(county);
		Long campaign = campaigns.open(new CampaignForm(scheme.id(), year, null, 7, LocalDate.now(ChinaTime.ZONE).plusDays(30), null,
				null, null));
		EvaluationWorkflowTest.signIn(chamber);
		Long id = submissions.start(campaign);
		Scheme.Criterion education = scheme.criteria().stream().filter(c -> c.evidence() == EvidenceKind.ATTACHMENT).findFirst()
			.orElseThrow();
		submissions.addEvidence(id, education.id(), null, null, null, "https://example.org/photos", null);
		submissions.submit(id);
		EvaluationWorkflowTest.signIn(county);
		for (Scheme.Criterion c : scheme.criteria()) {
			reviews.score(id, c.id(), Math.min(9, c.maxPoints()), false, null);
		}

		Long[] recognition = new Long[1];
		scenario.stimulate(() -> recognition[0] = reviews.pass(id))
			.andWaitForEventOfType(RecognitionGranted.class)
			.matching(event -> event.evaluationId().equals(id))
			.toArriveAndVerify(event -> {
				assertThat(event.orgId()).isEqualTo(scene.chamber());
				assertThat(event.level()).isEqualTo(EvaluationLevel.COUNTY);
				assertThat(event.recognitionId()).isEqualTo(recognition[0]);
			});
		scenario.stimulate(() -> { })
			.andWaitForStateChange(() -> entries(recognition[0]), list -> !list.isEmpty())
			.andVerify(list -> {
				assertThat(list).containsExactly("AWARD 20");
				assertThat(total(scene.chamber())).isEqualTo(20);
			});

		// the back-fill finds the same occurrence: nothing twice
		EvaluationWorkflowTest.signIn(city);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		assertThat(backfill.run(rule, today.minusDays(7), today)).isZero();

		// the county withdraws its recognition: the points are reversed, and a back-fill does not bring them back
		EvaluationWorkflowTest.signIn(county);
		scenario.stimulate(() -> recognitions.withdraw(recognition[0], "发现违规收费"))
			.andWaitForStateChange(() -> entries(recognition[0]), list -> list.size() == 2)
			.andVerify(list -> {
				assertThat(list).containsExactly("AWARD 20", "REVERSAL -20");
				assertThat(total(scene.chamber())).isZero();
			});
		EvaluationWorkflowTest.signIn(city);
		assertThat(backfill.run(rule, today.minusDays(7), today)).isZero();
		assertThat(entries(recognition[0])).hasSize(2);
	}

	private long total(long org) {
		return jdbc.sql("select coalesce(sum(points), 0) from point_total where org_id = :org").param("org", org)
			.query(Long.class).single();
	}

	private List<String> entries(long recognition) {
		return jdbc.sql("select kind || ' ' || points from point_entry where source_type = 'RECOGNITION' and source_id = :id order by id")
			.param("id", recognition)
			.query(String.class)
			.list();
	}

}
