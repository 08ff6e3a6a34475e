package org.chamberlink.evaluation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An evaluation's course against the database: a county opens a 四好 campaign; the chamber sees its
 * indicators measured, scores itself, adds evidence and submits; every refusal of the bad
 * input writes nothing; the county returns it once, passes and recommends it; the city passes only
 * after the county's notice is over, its own notice with an objection answered; a neighbour sees
 * none of it; withdrawal with a reason; every review step audited.
 */
@IntegrationTest
@Tag("database")
class EvaluationWorkflowTest {

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
	Evaluations evaluations;

	@Autowired
	EvaluationSubmissions submissions;

	@Autowired
	EvaluationReviews reviews;

	@Autowired
	Recognitions recognitions;

	OrganizationFixture fixture;

	EvaluationScene scene;

	AccountPrincipal county;

	AccountPrincipal chamber;

	AccountPrincipal city;

	@BeforeEach
	void plant() {
		scene = EvaluationScene.plant(beans, port, "评比");
		fixture = scene.fixture();
		county = fixture.account(scene.county(), Role.FEDERATION_ADMIN);
		chamber = fixture.account(scene.chamber(), Role.CHAMBER_ADMIN);
		city = fixture.account(scene.city(), Role.FEDERATION_ADMIN);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

	Scheme sihao() {
		return schemes.get(schemes.list().stream().filter(s -> s.code().equals("SIHAO")).findFirst().orElseThrow().id());
	}

	static void refused(Runnable step, String key) {
		assertThatThrownBy(step::run).isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", key);
	}

	long count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	int year() {
		return LocalDate.now(ChinaTime.ZONE).getYear();
	}

	@Test
	void aChamberClimbsFromCountyToCityWithEveryRefusalWritingNothing() {
		Scheme scheme = sihao();
		assertThat(scheme.maxPoints()).isEqualTo(100);
		signIn(county);
		refused(() -> campaigns.open(new CampaignForm(scheme.id(), year(), null, 0, LocalDate.now(), null, null, null)),
				"evaluation.campaign.noticeDaysInvalid");
		Long campaignId = campaigns.open(new CampaignForm(scheme.id(), year(), null, 7, LocalDate.now().plusDays(30), null, null, null));
		refused(() -> campaigns.open(new CampaignForm(scheme.id(), year(), null, 7, LocalDate.now(), null, null, null)),
				"evaluation.campaign.duplicate");

		// the chamber: indicators measured, its own points, evidence, submission
		signIn(chamber);
		assertThat(campaigns.visible()).extracting(Campaign::id).contains(campaignId);
		Long id = submissions.start(campaignId);
		assertThat(submissions.start(campaignId)).isEqualTo(id);
		var indicators = evaluations.indicators(id);
		assertThat(indicators.keySet()).containsAll(EnumSet.of(Indicator.REGISTERED, Indicator.DUES_RATE, Indicator.CASES,
				Indicator.ACTIVITIES, Indicator.VISITS, Indicator.MEMBER_GROWTH, Indicator.LEADERSHIP, Indicator.FIVE_HAS));
		assertThat(indicators.get(Indicator.REGISTERED).met()).isTrue();
		assertThat(indicators.get(Indicator.REGISTERED).href()).isEqualTo("/organizations/" + scene.chamber());
		assertThat(indicators.get(Indicator.DUES_RATE).href()).contains("/figures/dues?org=" + scene.chamber());
		Scheme.Criterion education = scheme.criteria().stream().filter(c -> c.evidence() == EvidenceKind.ATTACHMENT).findFirst().orElseThrow();
		refused(() -> submissions.selfScore(id, education.id(), education.maxPoints() + 1, null), "evaluation.score.aboveMax");
		refused(() -> submissions.submit(id), "evaluation.submit.evidenceMissing");
		assertThat(count("select count(*) from evaluation_score where evaluation_id = :id", id)).isZero();
		submissions.selfScore(id, education.id(), 8, "每季度一次");
		submissions.addEvidence(id, education.id(), "学习.pdf", "application/pdf", "%PDF-1".getBytes(), null, "方案与照片");
		refused(() -> submissions.addEvidence(id, education.id(), null, null, null, "ftp://x", null), "evaluation.evidence.linkInvalid");
		submissions.submit(id);
		refused(() -> submissions.selfScore(id, education.id(), 9, null), "evaluation.notEditable");
		assertThat(evaluations.scores(id)).singleElement().extracting(Score::points).isEqualTo(8);

		// the county: a score above the maximum refused, returned once with a reason
		signIn(county);
		refused(() -> reviews.score(id, education.id(), 11, false, null), "evaluation.score.aboveMax");
		refused(() -> reviews.returnForChanges(id, " "), "evaluation.return.reasonRequired");
		reviews.returnForChanges(id, "请补充党建活动照片");
		assertThat(evaluations.get(id).status()).isEqualTo(EvaluationStatus.RETURNED);

		signIn(chamber);
		submissions.addEvidence(id, education.id(), null, null, null, "https://example.org/photos", null);
		submissions.submit(id);

		signIn(county);
		refused(() -> reviews.pass(id), "evaluation.pass.unscored");
		scoreAll(id, scheme, 9);
		int total = Evaluations.total(evaluations.scores(id), "COUNTY");
		assertThat(total).isGreaterThanOrEqualTo(70);
		Long countyRecognition = reviews.pass(id);
		assertThat(recognitions.get(countyRecognition).state()).isEqualTo("NOTICE");
		reviews.recommend(id);
		assertThat(evaluations.get(id)).extracting(EvaluationView::status, EvaluationView::level)
			.containsExactly(EvaluationStatus.RECOMMENDED, EvaluationLevel.CITY);

		// a neighbouring county sees nothing of it; a province cannot skip the city
		signIn(fixture.account(scene.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThatThrownBy(() -> evaluations.get(id)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> reviews.pass(id)).isInstanceOf(RecordNotFoundException.class);
		signIn(fixture.account(scene.province(), Role.FEDERATION_ADMIN));
		refused(() -> reviews.score(id, education.id(), 5, false, null), "evaluation.skipLevel");

		// the city: not before the county's notice is over
		signIn(city);
		scoreAll(id, scheme, 9);
		refused(() -> reviews.pass(id), "evaluation.pass.belowNotFinal");
		noticeOver(countyRecognition);
		Long cityRecognition = reviews.pass(id);
		refused(() -> recognitions.object(cityRecognition, "某会员", " "), "evaluation.objection.textRequired");
		Long objection = recognitions.object(cityRecognition, "某会员企业", "该商会会长任期已满");
		noticeOver(cityRecognition);
		assertThat(recognitions.get(cityRecognition).state()).isEqualTo("OBJECTED");
		recognitions.answer(cityRecognition, objection, "经核实已于今年换届");
		assertThat(recognitions.get(cityRecognition).state()).isEqualTo("FINAL");
		assertThat(recognitions.list(year(), EvaluationLevel.CITY)).extracting(Recognition::orgId).contains(scene.chamber());

		// the chamber sees its recognitions
		signIn(chamber);
		assertThat(recognitions.ofOrganization(scene.chamber())).extracting(Recognition::level)
			.containsExactlyInAnyOrder(EvaluationLevel.COUNTY, EvaluationLevel.CITY);

		// the county may not withdraw the city's recognition; the city withdraws with a reason
		signIn(county);
		refused(() -> recognitions.withdraw(cityRecognition, "x"), "evaluation.withdraw.notAllowed");
		signIn(city);
		refused(() -> recognitions.withdraw(cityRecognition, ""), "evaluation.withdraw.reasonRequired");
		recognitions.withdraw(cityRecognition, "发现违规收费");
		assertThat(recognitions.get(cityRecognition).state()).isEqualTo("WITHDRAWN");

		List<String> steps = jdbc.sql("select action from audit_log where entity_type = 'Evaluation' and entity_id = :id")
			.param("id", id.toString())
			.query(String.class)
			.list();
		assertThat(steps).contains("EVALUATION_SUBMITTED", "EVALUATION_RETURNED", "EVALUATION_SCORED", "EVALUATION_PASSED",
				"EVALUATION_RECOMMENDED");
	}

	@Test
	void aFirstSubmissionAfterTheCampaignsDeadlineIsRefused() {
		Scheme scheme = sihao();
		signIn(county);
		Long campaignId = campaigns.open(new CampaignForm(scheme.id(), year(), "截止测试", 5, LocalDate.now(ChinaTime.ZONE).minusDays(1),
				null, null, null));
		signIn(chamber);
		Long id = submissions.start(campaignId);
		Scheme.Criterion education = scheme.criteria().stream().filter(c -> c.evidence() == EvidenceKind.ATTACHMENT).findFirst().orElseThrow();
		submissions.addEvidence(id, education.id(), null, null, null, "https://example.org/a", null);
		refused(() -> submissions.submit(id), "evaluation.submit.pastDeadline");
		assertThat(evaluations.get(id).status()).isNotEqualTo(EvaluationStatus.SUBMITTED);
		assertThat(evaluations.get(id).submittedAt()).isNull();
	}

	@Test
	void aVetoFailsTheWholeEvaluationAndAnOutsiderCannotTakePart() {
		Scheme scheme = sihao();
		signIn(county);
		Long campaignId = campaigns.open(new CampaignForm(scheme.id(), year(), "否决测试", 5, LocalDate.now().plusDays(10), null, null, null));
		signIn(fixture.account(scene.neighbour(), Role.CHAMBER_ADMIN));
		assertThatThrownBy(() -> campaigns.get(campaignId)).isInstanceOf(RecordNotFoundException.class);
		jdbc.sql("update organization set registered = false where id = :id").param("id", scene.chamber()).update();
		signIn(chamber);
		Long id = submissions.start(campaignId);
		assertThat(evaluations.indicators(id).get(Indicator.REGISTERED).met()).isFalse();
		Scheme.Criterion education = scheme.criteria().stream().filter(c -> c.evidence() == EvidenceKind.ATTACHMENT).findFirst().orElseThrow();
		submissions.addEvidence(id, education.id(), null, null, null, "https://example.org/a", null);
		submissions.submit(id);
		signIn(county);
		scoreAll(id, scheme, 10);
		refused(() -> reviews.pass(id), "evaluation.pass.vetoed");
		assertThat(count("select count(*) from evaluation_recognition where evaluation_id = :id", id)).isZero();
		assertThat(evaluations.get(id).status()).isEqualTo(EvaluationStatus.SUBMITTED);
	}

	@Test
	void theProvinceRecordsTheNationalDecisionAfterItsOwnRecognitionIsFinal() {
		Scheme scheme = sihao();
		signIn(county);
		Long campaignId = campaigns.open(new CampaignForm(scheme.id(), year(), null, 7, LocalDate.now().plusDays(30), null, null, null));
		signIn(chamber);
		Long id = submissions.start(campaignId);
		Scheme.Criterion education = scheme.criteria().stream().filter(c -> c.evidence() == EvidenceKind.ATTACHMENT).findFirst().orElseThrow();
		submissions.addEvidence(id, education.id(), null, null, null, "https://example.org/plan", null);
		submissions.submit(id);

		// county → city → province, each after the notice of the level below is over
		Long below = null;
		for (AccountPrincipal reviewer : List.of(county, city, fixture.account(scene.province(), Role.FEDERATION_ADMIN))) {
			signIn(reviewer);
			if (below != null) {
				noticeOver(below);
			}
			scoreAll(id, scheme, 15);
			below = reviews.pass(id);
			reviews.recommend(id);
		}
		assertThat(evaluations.get(id)).extracting(EvaluationView::status, EvaluationView::level)
			.containsExactly(EvaluationStatus.RECOMMENDED, EvaluationLevel.NATIONAL);
		// the national decision is taken outside; the province records it, not before its own notice is over
		scoreAll(id, scheme, 15);
		refused(() -> reviews.pass(id), "evaluation.pass.belowNotFinal");
		noticeOver(below);
		Long national = reviews.pass(id);
		noticeOver(national);
		assertThat(recognitions.get(national).level()).isEqualTo(EvaluationLevel.NATIONAL);
		refused(() -> reviews.recommend(id), "evaluation.recommend.noLevelAbove");
		assertThat(recognitions.list(year(), EvaluationLevel.NATIONAL)).extracting(Recognition::orgId).contains(scene.chamber());

		signIn(chamber);
		assertThat(recognitions.ofOrganization(scene.chamber())).extracting(Recognition::level)
			.containsExactlyInAnyOrder(EvaluationLevel.COUNTY, EvaluationLevel.CITY, EvaluationLevel.PROVINCE, EvaluationLevel.NATIONAL);
	}

	private void scoreAll(Long id, Scheme scheme, int points) {
		for (Scheme.Criterion c : scheme.criteria()) {
			reviews.score(id, c.id(), Math.min(points, c.maxPoints()), false, null);
		}
	}

	/** The notice period passed: its dates moved back, as the clock moving forward would. */
	private void noticeOver(Long recognitionId) {
		jdbc.sql("update evaluation_recognition set notice_from = notice_from - 30, notice_until = notice_until - 30 where id = :id")
			.param("id", recognitionId)
			.update();
	}

}
