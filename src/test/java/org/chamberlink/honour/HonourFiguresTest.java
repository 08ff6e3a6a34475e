package org.chamberlink.honour;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Honour figures: awards by programme and level in the awardee's subtree, nominated against awarded, party-member members honoured; revoked ones left out. */
@IntegrationTest
@Tag("database")
class HonourFiguresTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HonourProgrammes programmes;

	@Autowired
	HonourNominations nominations;

	@Autowired
	HonourAwards awards;

	@Autowired
	HonourFigures figures;

	@Autowired
	Figures registry;

	HonourScene scene;

	AccountPrincipal cityStaff;

	@BeforeEach
	void plant() {
		scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "表彰统计");
		cityStaff = scene.account(scene.city(), Role.STAFF);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void awardsAreCountedByProgrammeAndLevelWithThePartyMembersHonoured() {
		long person = scene.person("党员李");
		long enterprise = scene.enterprise("统计");
		long third = scene.enterprise("未授");
		HonourScene.signIn(cityStaff);
		Long star = programmes.create(ProgrammeForm.of(scene.city(), "光彩之星" + scene.tree().tag(), 2026, HonourLevel.CITY));
		HonourScene.signIn(scene.account(scene.county(), Role.STAFF));
		Long a = nominations.nominate(new NominationForm(star, HonourLevel.CITY, scene.county(), person, "事迹", null));
		Long b = nominations.nominate(new NominationForm(star, HonourLevel.CITY, scene.county(), enterprise, "事迹", null));
		Long c = nominations.nominate(new NominationForm(star, HonourLevel.CITY, scene.county(), third, "事迹", null));
		HonourScene.signIn(cityStaff);
		nominations.accept(a, 1);
		nominations.accept(b, 2);
		nominations.accept(c, 3);
		nominations.publishNotice(star, HonourLevel.CITY);
		awards.award(a);
		awards.award(b);
		awards.revoke(awards.award(c), "撤销");

		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		LocalDate from = today.withDayOfYear(1);
		HonourTotals totals = figures.totals(scene.city(), from, today);
		assertThat(totals.nominated()).isEqualTo(3);
		assertThat(totals.awarded()).isEqualTo(2);
		assertThat(totals.city()).isEqualTo(2);
		assertThat(totals.county()).isZero();
		assertThat(totals.partyMembersHonoured()).isEqualTo(1);
		assertThat(totals.partyMembers()).isEqualTo(1);
		assertThat(totals.partyMemberShare().percent()).isEqualByComparingTo("100");
		assertThat(figures.byProgramme(scene.city(), from, today)).singleElement()
			.satisfies(row -> assertThat(row.city()).isEqualTo(2));
		assertThat(figures.below(scene.city(), from, today)).singleElement()
			.satisfies(row -> assertThat(row.awarded()).isEqualTo(2));
		assertThat(registry.table(scene.city(), FigurePeriod.of(from, today, today), id -> "", "honour.awarded", "honour.partyMemberShare"))
			.isNotNull();
	}

}
