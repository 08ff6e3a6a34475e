package org.chamberlink.welfare;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.chamberlink.welfare.Pairings.AdviserForm;
import org.chamberlink.welfare.Pairings.PairingForm;
import org.chamberlink.welfare.Projects.PaymentForm;
import org.chamberlink.welfare.Projects.ProjectForm;
import org.chamberlink.welfare.Villages.VillageForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The welfare figures' drill-down, answered by one grouped statement (decision 49): each row below
 * is what the figures of that organisation's subtree are on their own; the own level counts its own
 * pairings and an honest participation rate (of its own organisation and own member enterprises,
 * those taking part — never above 100 %, though the enterprises helping its pairings are members
 * of the chamber below); a project started after the period's end is left out although its
 * pairing's tally holds it; and the pairing list reads each pairing's tally, kept right by
 * payments, corrections and completion.
 */
@IntegrationTest
@Tag("database")
class WelfareFiguresDrillDownTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Villages villages;

	@Autowired
	Pairings pairings;

	@Autowired
	Projects projects;

	@Autowired
	WelfareFigures figures;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theDrillDownIsEachSubtreesOwnFiguresAndTheOwnLevelsRateIsHonest() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("光彩下钻");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long first = MemberFixture.enterprise(port, chamberToken, tree.chamber(), "下钻甲企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		long second = MemberFixture.enterprise(port, chamberToken, tree.chamber(), "下钻乙企业" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		// an enterprise that is a member of the county federation itself
		long own = MemberFixture.enterprise(port, tree.token(tree.county(), Role.STAFF), tree.county(), "下钻县直企业" + tree.tag(),
				MemberFixture.creditCode(), MemberFixture.phone());
		long person = MemberFixture.person(port, chamberToken, tree.chamber(), "下钻顾问" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		String township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130102%' order by code limit 1")
			.query(String.class).single();
		signIn(tree.account(tree.county(), Role.STAFF));
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);

		Long village = villages.add(new VillageForm(tree.county(), township, "下钻村" + tree.tag(), null, ReliefStatus.LIFTED));
		// the county's own pairing, helped by the chamber's two members and the chamber itself
		Long countyPairing = pairings.create(new PairingForm(tree.county(), village, List.of(first, second), List.of(tree.chamber()),
				yearStart, null, List.of(HelpKind.INDUSTRY), null));
		Long countyProject = projects.create(countyPairing, new ProjectForm("县级项目", HelpKind.INDUSTRY, "50,000", "2,000", 12, 300, yearStart));
		projects.pay(countyProject, new PaymentForm(today, "20000", null));
		projects.pay(countyProject, new PaymentForm(today, "10000", null));
		// the chamber's pairing, helped by the county's own member; one project started, one to start tomorrow
		Long chamberPairing = pairings.create(new PairingForm(tree.chamber(), village, List.of(own), List.of(), yearStart, null,
				List.of(HelpKind.EMPLOYMENT), null));
		Long started = projects.create(chamberPairing, new ProjectForm("商会项目", HelpKind.EMPLOYMENT, "10,000", null, 3, 40, yearStart));
		projects.create(chamberPairing, new ProjectForm("明日项目", HelpKind.EMPLOYMENT, "7,000", null, 5, 50, today.plusDays(1)));
		projects.pay(started, new PaymentForm(today, "4000", null));
		pairings.appoint(village, new AdviserForm(person, yearStart, null));

		List<WelfareTotals> rows = figures.below(tree.county(), yearStart, today);
		assertThat(rows).extracting(WelfareTotals::orgId).containsExactly(tree.county(), tree.chamber());
		WelfareTotals ownLevel = rows.get(0);
		assertThat(ownLevel.enterprises()).isEqualTo(2);
		assertThat(ownLevel.chambers()).isEqualTo(1);
		assertThat(ownLevel.villages()).isEqualTo(1);
		assertThat(ownLevel.advisers()).isEqualTo(1);
		assertThat(ownLevel.projects()).isEqualTo(1);
		assertThat(ownLevel.committedFen()).isEqualTo(5_000_000);
		assertThat(ownLevel.deliveredFen()).isEqualTo(3_000_000);
		assertThat(ownLevel.goodsFen()).isEqualTo(200_000);
		assertThat(ownLevel.peopleEmployed()).isEqualTo(12);
		// of the county itself and its one own member enterprise, both take part: 2 of 2 — not the
		// chamber's two enterprises counted against the county's own level (which read 3 of 2, 150 %)
		assertThat(ownLevel.involved()).isEqualTo(2);
		assertThat(ownLevel.all()).isEqualTo(2);
		assertThat(ownLevel.participation().percent()).isEqualByComparingTo("100");

		// the chamber's row is the chamber's subtree's own figures: the project to start tomorrow left out
		WelfareTotals chamberRow = rows.get(1);
		WelfareTotals chamberAlone = figures.totals(tree.chamber(), yearStart, today);
		assertThat(chamberRow).isEqualTo(chamberAlone);
		assertThat(chamberRow.enterprises()).isEqualTo(1);
		assertThat(chamberRow.projects()).isEqualTo(1);
		assertThat(chamberRow.committedFen()).isEqualTo(1_000_000);
		assertThat(chamberRow.peopleEmployed()).isEqualTo(3);
		assertThat(chamberRow.deliveredFen()).isEqualTo(400_000);
		assertThat(chamberRow.advisers()).isZero();
		// the chamber (responsible) and the county's enterprise in its pairing, of the chamber and its two enterprises
		assertThat(chamberRow.involved()).isEqualTo(2);
		assertThat(chamberRow.all()).isEqualTo(3);

		// the whole subtree: both pairings, both organisations, all three enterprises
		WelfareTotals whole = figures.totals(tree.county(), yearStart, today);
		assertThat(whole.enterprises()).isEqualTo(3);
		assertThat(whole.chambers()).isEqualTo(1);
		assertThat(whole.villages()).isEqualTo(1);
		assertThat(whole.advisers()).isEqualTo(1);
		assertThat(whole.projects()).isEqualTo(2);
		assertThat(whole.committedFen()).isEqualTo(6_000_000);
		assertThat(whole.deliveredFen()).isEqualTo(3_400_000);
		assertThat(whole.involved()).isEqualTo(5);
		assertThat(whole.all()).isEqualTo(5);
		// the figures API's drill-down: the whole and the rows from the one grouped statement, the same
		WelfareFigures.DrillDown drillDown = figures.drillDown(tree.county(), yearStart, today);
		assertThat(drillDown.whole()).isEqualTo(whole);
		assertThat(drillDown.below()).isEqualTo(rows);
		// tomorrow the other project counts too (the tally read whole once every project has started)
		assertThat(figures.totals(tree.county(), yearStart, today.plusDays(1)).committedFen()).isEqualTo(6_700_000);
		assertThat(figures.totals(tree.county(), yearStart, today.plusDays(1)).projects()).isEqualTo(3);

		// the pairing list reads the tally: projects, committed and delivered, kept by corrections and completion
		Pairings.Pairing listed = pairings.search(tree.chamber(), null, PageRequest.of(0, 20)).getContent().get(0);
		assertThat(listed.id()).isEqualTo(chamberPairing);
		assertThat(listed.projects()).isEqualTo(2);
		assertThat(listed.committedFen()).isEqualTo(1_700_000);
		assertThat(listed.deliveredFen()).isEqualTo(400_000);
		projects.correct(projects.payments(started).get(0).id(), "录错");
		projects.complete(started, today);
		listed = pairings.get(chamberPairing);
		assertThat(listed.projects()).isEqualTo(2);
		assertThat(listed.committedFen()).isEqualTo(1_700_000);
		assertThat(listed.deliveredFen()).isZero();
		assertThat(pairings.get(countyPairing).deliveredFen()).isEqualTo(3_000_000);
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
