package org.chamberlink.evaluation;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.support.Api;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.Refusals;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Criteria are added to a scheme's section and removed from it (issue 17: schemes as data), by a
 * federation only: a bad criterion is refused writing nothing; one scored or with evidence in any
 * evaluation is kept, and so is one whose removal would leave the total below a pass mark; both
 * changes audited; on the page a refusal keeps what was typed (422). Also the campaign's pre-fill
 * page and API (every organisation on the board with its indicators), and a neighbour's 404.
 * Each test has a scheme of its own (the presets are shared by every test).
 */
@IntegrationTest
@Tag("database")
class SchemeCriteriaTest {

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

	OrganizationFixture fixture;

	EvaluationScene scene;

	long scheme;

	long section;

	long first;

	long second;

	@BeforeEach
	void plant() {
		scene = EvaluationScene.plant(beans, port, "评分项");
		fixture = scene.fixture();
		scheme = jdbc.sql("insert into evaluation_scheme (code, name, applies_to) values (:c, :n, 'CHAMBER') returning id")
			.param("c", "TEST" + scene.tag()).param("n", "测试方案" + scene.tag()).query(Long.class).single();
		jdbc.sql("insert into evaluation_scheme_level (scheme_id, level, pass_mark) values (:s, 'COUNTY', 10)").param("s", scheme).update();
		section = jdbc.sql("insert into evaluation_section (scheme_id, position, title) values (:s, 1, '基础建设') returning id")
			.param("s", scheme).query(Long.class).single();
		first = criterion("制度健全", 10, 1);
		second = criterion("台账规范", 5, 2);
	}

	private long criterion(String title, int max, int position) {
		return jdbc.sql("""
				insert into evaluation_criterion (scheme_id, section_id, position, title, max_points, evidence)
				values (:s, :sec, :p, :t, :m, 'NONE') returning id
				""").param("s", scheme).param("sec", section).param("p", position).param("t", title).param("m", max)
			.query(Long.class).single();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long criteria() {
		return jdbc.sql("select count(*) from evaluation_criterion where scheme_id = :s").param("s", scheme).query(Long.class).single();
	}

	@Test
	void aFederationAddsAndRemovesCriteriaAndAUsedOneIsKept() {
		AccountPrincipal county = fixture.account(scene.county(), Role.FEDERATION_ADMIN);
		EvaluationWorkflowTest.signIn(fixture.account(scene.chamber(), Role.CHAMBER_ADMIN));
		assertThatThrownBy(() -> schemes.addCriterion(scheme, section, "自定义", 5, null, EvidenceKind.NONE, null, false))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> schemes.removeCriterion(scheme, second)).isInstanceOf(AccessDeniedException.class);

		EvaluationWorkflowTest.signIn(county);
		EvaluationWorkflowTest.refused(() -> schemes.addCriterion(scheme, section, " ", 5, null, EvidenceKind.NONE, null, false),
				"evaluation.scheme.titleRequired");
		EvaluationWorkflowTest.refused(() -> schemes.addCriterion(scheme, section, "走访", 1001, null, EvidenceKind.NONE, null, false),
				"evaluation.scheme.maxPointsInvalid");
		EvaluationWorkflowTest.refused(() -> schemes.addCriterion(scheme, section, "否决", 5, null, EvidenceKind.NONE, null, true),
				"evaluation.scheme.vetoHasNoPoints");
		EvaluationWorkflowTest.refused(() -> schemes.addCriterion(scheme, section, "走访", 5, null, null, null, false),
				"evaluation.scheme.evidenceRequired");
		assertThatThrownBy(() -> schemes.addCriterion(scheme, -1L, "走访", 5, null, EvidenceKind.NONE, null, false))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(criteria()).isEqualTo(2);

		Long visits = schemes.addCriterion(scheme, section, "走访会员", 5, "按季度走访", EvidenceKind.RECORDS, Indicator.VISITS, false);
		Scheme.Criterion added = schemes.get(scheme).criterion(visits);
		assertThat(added).extracting(Scheme.Criterion::position, Scheme.Criterion::indicator, Scheme.Criterion::maxPoints)
			.containsExactly(3, Indicator.VISITS, 5);
		assertThat(schemes.get(scheme).maxPoints()).isEqualTo(20);

		// removing the 10-point criterion would leave 10 ≥ 10: allowed; then the 5-point one would leave 5 < 10: refused
		schemes.removeCriterion(scheme, first);
		EvaluationWorkflowTest.refused(() -> schemes.removeCriterion(scheme, second), "evaluation.scheme.removeBelowPassMark");
		assertThat(criteria()).isEqualTo(2);
		assertThatThrownBy(() -> schemes.removeCriterion(scheme, first)).isInstanceOf(RecordNotFoundException.class);

		// a criterion scored in a campaign is kept
		schemes.setPassMark(scheme, EvaluationLevel.COUNTY, 0);
		Long campaign = campaigns.open(new CampaignForm(scheme, LocalDate.now(ChinaTime.ZONE).getYear(), null, 7,
				LocalDate.now(ChinaTime.ZONE).plusDays(20), null, null, null));
		EvaluationWorkflowTest.signIn(fixture.account(scene.chamber(), Role.CHAMBER_ADMIN));
		Long evaluation = submissions.start(campaign);
		submissions.selfScore(evaluation, visits, 4, null);
		EvaluationWorkflowTest.signIn(county);
		EvaluationWorkflowTest.refused(() -> schemes.removeCriterion(scheme, visits), "evaluation.scheme.criterionUsed");
		schemes.removeCriterion(scheme, second);
		assertThat(schemes.get(scheme).criteria()).extracting(Scheme.Criterion::id).containsExactly(visits);

		assertThat(jdbc.sql("""
				select count(*) from audit_log where entity_type = 'EvaluationScheme' and entity_id = :s and action = 'EVALUATION_SCHEME_CHANGED'
				""").param("s", String.valueOf(scheme)).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void onThePagesARefusalKeepsWhatWasTypedAndThePrefillListsTheBoard() {
		AccountPrincipal countyAccount = fixture.account(scene.county(), Role.FEDERATION_ADMIN);
		WebSession county = WebSession.signedIn(port, countyAccount.getUsername(), TestAccounts.PASSWORD);
		String page = "/evaluations/schemes/" + scheme;
		assertThat(county.get(page).body()).contains("data-testid=\"add-criterion\"", "data-testid=\"remove-criterion\"");
		var refused = county.postForm(page + "/sections/" + section + "/criteria",
				Map.of("title", "会员培训", "maxPoints", "abc", "guidance", "每年两次", "evidence", "NONE"));
		Refusals.assertFormKept(refused, "maxPoints", "满分须为", "会员培训", "每年两次");
		assertThat(criteria()).isEqualTo(2);
		var added = county.postForm(page + "/sections/" + section + "/criteria",
				Map.of("title", "会员培训", "maxPoints", "5", "guidance", "每年两次", "evidence", "ATTACHMENT"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(county.get(page).body()).contains("会员培训");
		var removed = county.postForm(page + "/criteria/" + second + "/remove", Map.of());
		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(criteria()).isEqualTo(2);
		WebSession chamber = WebSession.signedIn(port, fixture.account(scene.chamber(), Role.CHAMBER_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		assertThat(chamber.get(page).body()).doesNotContain("data-testid=\"add-criterion\"");
		assertThat(chamber.postForm(page + "/criteria/" + first + "/remove", Map.of()).statusCode()).isEqualTo(403);

		// over the API: added, and a refusal as a problem with the field
		String token = fixture.tokenIn(scene.county(), Role.FEDERATION_ADMIN);
		Refusals.assertApiRefused(Api.post(port, "/api/v1/evaluation-schemes/" + scheme + "/sections/" + section + "/criteria", token,
				"{\"title\":\"年检\",\"maxPoints\":3}"), "evidence", "佐证");
		assertThat(Api.post(port, "/api/v1/evaluation-schemes/" + scheme + "/sections/" + section + "/criteria", token,
				"{\"title\":\"年检\",\"maxPoints\":3,\"evidence\":\"NONE\"}").statusCode()).isEqualTo(201);
		assertThat(criteria()).isEqualTo(3);

		// the campaign's pre-fill: the board's organisations with the scheme's indicators, a neighbour meets 404
		Long campaign = campaigns(countyAccount);
		String prefill = county.get("/evaluations/campaigns/" + campaign + "/indicators").body();
		assertThat(prefill).contains("data-testid=\"prefill\"", "data-org=\"" + scene.chamber() + "\"");
		var api = Api.get(port, "/api/v1/evaluation-campaigns/" + campaign + "/indicators", token);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"orgId\":" + scene.chamber());
		WebSession neighbour = WebSession.signedIn(port, fixture.account(scene.neighbourCounty(), Role.FEDERATION_ADMIN).getUsername(),
				TestAccounts.PASSWORD);
		assertThat(neighbour.get("/evaluations/campaigns/" + campaign + "/indicators").statusCode()).isEqualTo(404);
		assertThat(Api.get(port, "/api/v1/evaluation-campaigns/" + campaign + "/indicators",
				fixture.tokenIn(scene.neighbourCounty(), Role.FEDERATION_ADMIN)).statusCode()).isEqualTo(404);
	}

	private Long campaigns(AccountPrincipal county) {
		EvaluationWorkflowTest.signIn(county);
		Long sihao = schemes.list().stream().filter(s -> s.code().equals("SIHAO")).findFirst().orElseThrow().id();
		Long id = campaigns.open(new CampaignForm(sihao, LocalDate.now(ChinaTime.ZONE).getYear(), null, 7,
				LocalDate.now(ChinaTime.ZONE).plusDays(20), null, null, null));
		SecurityContextHolder.clearContext();
		return id;
	}

}
