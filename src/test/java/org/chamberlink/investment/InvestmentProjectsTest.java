package org.chamberlink.investment;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.investment.InvestmentProjects.MoveForm;
import org.chamberlink.investment.InvestmentProjects.ProjectForm;
import org.chamberlink.investment.InvestmentProjects.StageStep;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
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
 * Investment projects against PostgreSQL: a lead moves forward one stage at a time, each step dated
 * and audited (no skip, no way back, no date before the last step, signing needs a contracted
 * amount); the figures count it by stage, industry and origin; bad input is refused with nothing
 * written; the neighbouring county sees none of it.
 */
@IntegrationTest
@Tag("database")
class InvestmentProjectsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InvestmentProjects projects;

	@Autowired
	InvestmentFigures figures;

	TestTree tree;

	long member;

	@BeforeEach
	void aCounty() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("招商");
		member = MemberFixture.enterprise(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "投资企业" + tree.tag(),
				MemberFixture.creditCode(), MemberFixture.phone());
		signIn(tree.account(tree.county(), Role.STAFF));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aLeadMovesForwardOneDatedStepAtATimeAndTheFiguresCountIt() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		Long id = projects.create(new ProjectForm(tree.chamber(), "新能源电池项目" + tree.tag(), "38", null, "深圳某新能源公司", "4403",
				"500,000,000", null, null, today.minusDays(10)));
		Long other = projects.create(new ProjectForm(tree.county(), "会员扩产项目" + tree.tag(), "C", member, null, "1301", "20000000", null,
				null, today.minusDays(5)));
		assertThat(projects.get(other).investorName()).isEqualTo("投资企业" + tree.tag());
		assertThat(projects.get(id).stage()).isEqualTo(InvestmentStage.LEAD);
		// no skipping, no signing without a contracted amount, no date before the last step or in the future
		assertRefused(() -> projects.move(id, new MoveForm(InvestmentStage.SIGNED, today, null, "1", null)), "stage",
				"investment.stage.oneStep");
		assertRefused(() -> projects.move(id, new MoveForm(InvestmentStage.NEGOTIATING, today.minusDays(11), null, null, null)), "movedOn",
				"investment.stage.beforePrevious");
		assertRefused(() -> projects.move(id, new MoveForm(InvestmentStage.NEGOTIATING, today.plusDays(1), null, null, null)), "movedOn",
				"investment.date.future");
		projects.move(id, new MoveForm(InvestmentStage.NEGOTIATING, today.minusDays(3), "第一次洽谈", null, null));
		assertRefused(() -> projects.move(id, new MoveForm(InvestmentStage.SIGNED, today, null, null, null)), "contracted",
				"investment.stage.contractNeeded");
		assertRefused(() -> projects.move(id, new MoveForm(InvestmentStage.SIGNED, today, null, "4.6亿", null)), "contracted",
				"investment.money.invalid");
		assertRefused(() -> projects.move(id, new MoveForm(InvestmentStage.LEAD, today, null, null, null)), "stage",
				"investment.stage.oneStep");
		projects.move(id, new MoveForm(null, today, "签约仪式", "460,000,000", "10000000"));
		InvestmentProjects.Project signed = projects.get(id);
		assertThat(signed.stage()).isEqualTo(InvestmentStage.SIGNED);
		assertThat(signed.contracted()).isEqualTo("460,000,000.00");
		assertThat(projects.history(id)).extracting(StageStep::stage).containsExactly(InvestmentStage.LEAD, InvestmentStage.NEGOTIATING,
				InvestmentStage.SIGNED);
		assertThat(projects.history(id)).extracting(StageStep::movedOn).containsExactly(today.minusDays(10), today.minusDays(3), today);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'INVESTMENT_STAGE_MOVED' and entity_id = :id")
			.param("id", id.toString()).query(Long.class).single()).isEqualTo(2);
		// figures: by stage, industry and origin
		FigurePeriod period = new FigurePeriod(today.minusDays(30), today);
		InvestmentTotals county = figures.totals(tree.county(), period.from(), period.to());
		assertThat(county.projects()).isEqualTo(2);
		assertThat(county.signed()).isEqualTo(1);
		assertThat(county.contracted()).isEqualTo("460,000,000.00");
		assertThat(figures.byStage(tree.county(), period.from(), period.to()))
			.filteredOn(g -> g.key().equals("SIGNED")).singleElement().satisfies(g -> {
				assertThat(g.projects()).isEqualTo(1);
				assertThat(g.contracted()).isEqualTo("460,000,000.00");
			});
		assertThat(figures.byIndustry(tree.county(), period.from(), period.to())).extracting(InvestmentFigures.Group::key)
			.containsExactly("38", "C");
		assertThat(figures.byOrigin(tree.county(), period.from(), period.to())).extracting(InvestmentFigures.Group::label)
			.contains("广东省", "河北省");
		// the neighbouring county sees none of it
		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		assertThat(projects.find(id)).isEmpty();
		assertThatThrownBy(() -> projects.move(id, new MoveForm(null, today, null, null, null))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> projects.history(id)).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void badInputIsRefusedWithNothingWritten() {
		long before = jdbc.sql("select count(*) from investment_project").query(Long.class).single();
		assertRefused(() -> projects.create(new ProjectForm(tree.chamber(), "x", "ZZ", null, "甲", "4403", "1", null, null, null)),
				"industryCode", "investment.industry.unknown");
		assertRefused(() -> projects.create(new ProjectForm(tree.chamber(), "x", "38", null, "甲", "999999", "1", null, null, null)),
				"originCode", "investment.origin.unknown");
		assertRefused(() -> projects.create(new ProjectForm(tree.chamber(), "x", "38", null, null, "4403", "1", null, null, null)),
				"investorName", "investment.required");
		assertRefused(() -> projects.create(new ProjectForm(tree.chamber(), "x", "38", null, "甲", "4403", "-1", null, null, null)),
				"planned", "investment.money.negative");
		assertRefused(() -> projects.create(new ProjectForm(tree.chamber(), "x", "38", null, "甲", "4403", "1.001", null, null, null)),
				"planned", "investment.money.invalid");
		assertRefused(() -> projects.create(new ProjectForm(tree.neighbour(), "x", "38", null, "甲", "4403", "1", null, null, null)),
				"orgId", "investment.organization.notFound");
		assertThat(jdbc.sql("select count(*) from investment_project").query(Long.class).single()).isEqualTo(before);
	}

	private static void assertRefused(Runnable action, String field, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.messageKey()).isEqualTo(key);
		});
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
