package org.chamberlink.welfare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.chamberlink.welfare.WelfareFigures.Sums;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-counted welfare figures (V134, decision 49) equal what the figures counted from the rows
 * themselves answer — for a node's whole subtree, its own level and each organisation below, with
 * and without the drill-down, over many periods — on a varied data set: an enterprise helping
 * overlapping pairings and one with a gap between its pairings, a pairing ended after its projects
 * were recorded (one project started after the end), a project started before its pairing, one
 * starting after the period, payments corrected by negative entries, an adviser appointed twice
 * with a gap; and changes the module itself never makes but the counts must survive: a pairing
 * moved to the chamber below and its start changed, a helper removed, a project's start changed,
 * a payment deleted. Counting everything afresh gives the same day counts as the triggers kept.
 */
@IntegrationTest
@Tag("database")
class WelfareFiguresPreCountTest {

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
	void thePreCountedFiguresEqualTheFiguresCountedFromTheRows() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("光彩预计");
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long e1 = enterprise(chamberToken, tree.chamber(), "预计甲企业" + tree.tag());
		long e2 = enterprise(chamberToken, tree.chamber(), "预计乙企业" + tree.tag());
		long e3 = enterprise(chamberToken, tree.chamber(), "预计丙企业" + tree.tag());
		long e4 = enterprise(chamberToken, tree.chamber(), "预计丁企业" + tree.tag());
		long own = enterprise(tree.token(tree.county(), Role.STAFF), tree.county(), "预计县直企业" + tree.tag());
		long adviser = MemberFixture.person(port, chamberToken, tree.chamber(), "预计顾问甲" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		long adviser2 = MemberFixture.person(port, chamberToken, tree.chamber(), "预计顾问乙" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		String township = jdbc.sql("select code from region where level = 'TOWNSHIP' and code like '130102%' order by code limit 1")
			.query(String.class).single();
		signIn(tree.account(tree.county(), Role.STAFF));
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		LocalDate t0 = today.minusDays(500);

		Long v1 = villages.add(new VillageForm(tree.county(), township, "预计一村" + tree.tag(), null, ReliefStatus.LIFTED));
		Long v2 = villages.add(new VillageForm(tree.county(), township, "预计二村" + tree.tag(), null, ReliefStatus.KEY_SUPPORT));
		// the county's pairing, open; the chamber's, ended later; one with a gap before the next for e3; a short one overlapping P1 for e2
		Long p1 = pairings.create(new PairingForm(tree.county(), v1, List.of(e1, e2), List.of(tree.chamber()), t0.plusDays(10), null,
				List.of(HelpKind.INDUSTRY), null));
		Long p2 = pairings.create(new PairingForm(tree.chamber(), v1, List.of(e1, own), List.of(), t0.plusDays(60), null,
				List.of(HelpKind.EMPLOYMENT), null));
		Long p3 = pairings.create(new PairingForm(tree.chamber(), v2, List.of(e3), List.of(), t0.plusDays(240), t0.plusDays(285),
				List.of(HelpKind.EDUCATION), null));
		Long p4 = pairings.create(new PairingForm(tree.chamber(), v2, List.of(e3, e4), List.of(), t0.plusDays(365), null,
				List.of(HelpKind.HEALTH), null));
		Long p5 = pairings.create(new PairingForm(tree.county(), v2, List.of(e2), List.of(tree.chamber()), t0.plusDays(120),
				t0.plusDays(150), List.of(HelpKind.DONATION), null));

		Long j1 = projects.create(p1, new ProjectForm("预计项目一", HelpKind.INDUSTRY, "50,000", "2,000", 12, 300, t0.plusDays(30)));
		Long j2 = projects.create(p1, new ProjectForm("预计项目二", HelpKind.INDUSTRY, "8,000", null, 2, 30, t0.plusDays(400)));
		Long j3 = projects.create(p2, new ProjectForm("预计项目三", HelpKind.EMPLOYMENT, "10,000", "500", 3, 40, t0.plusDays(90)));
		// started after its pairing will have ended (the pairing is ended below)
		Long j4 = projects.create(p2, new ProjectForm("预计项目四", HelpKind.EMPLOYMENT, "6,000", null, 1, 10, t0.plusDays(200)));
		Long j5 = projects.create(p3, new ProjectForm("预计项目五", HelpKind.EDUCATION, "4,000", "100", 0, 90, t0.plusDays(250)));
		projects.create(p4, new ProjectForm("预计项目六", HelpKind.HEALTH, "7,000", null, 5, 50, today.plusDays(10)));
		// started before its pairing did
		Long j7 = projects.create(p5, new ProjectForm("预计项目七", HelpKind.DONATION, "3,000", null, 0, 20, t0.plusDays(100)));

		projects.pay(j1, new PaymentForm(t0.plusDays(40), "20000", null));
		projects.pay(j1, new PaymentForm(t0.plusDays(60), "10000", null));
		Long wrong = projects.pay(j3, new PaymentForm(t0.plusDays(100), "5000", null));
		projects.correct(wrong, "录错");
		Long deleted = projects.pay(j5, new PaymentForm(t0.plusDays(260), "3000", null));
		projects.pay(j2, new PaymentForm(today.minusDays(1), "7000", null));
		projects.pay(j4, new PaymentForm(t0.plusDays(210), "1000", null));
		projects.pay(j7, new PaymentForm(t0.plusDays(125), "1500", null));

		pairings.appoint(v1, new AdviserForm(adviser, t0.plusDays(20), t0.plusDays(100)));
		pairings.appoint(v1, new AdviserForm(adviser, t0.plusDays(200), null));
		pairings.appoint(v2, new AdviserForm(adviser2, t0.plusDays(150), t0.plusDays(300)));

		pairings.end(p2, t0.plusDays(180));

		// what the module never does, but the counts must follow
		String chamberPath = jdbc.sql("select path from organization where id = :id").param("id", tree.chamber()).query(String.class).single();
		jdbc.sql("update welfare_pairing set org_id = :o, org_path = :p where id = :id").param("o", tree.chamber()).param("p", chamberPath)
			.param("id", p5).update();
		jdbc.sql("update welfare_pairing set starts_on = :s where id = :id").param("s", t0.plusDays(230)).param("id", p3).update();
		jdbc.sql("delete from welfare_pairing_party where pairing_id = :p and party_id = :x").param("p", p4).param("x", e4).update();
		jdbc.sql("update welfare_project set started_on = :s where id = :id").param("s", t0.plusDays(140)).param("id", j3).update();
		jdbc.sql("delete from welfare_payment where id = :id").param("id", deleted).update();

		List<LocalDate> cuts = new ArrayList<>();
		for (int day : new int[] { 0, 25, 95, 121, 150, 151, 181, 190, 205, 286, 300, 364, 365, 401 }) {
			cuts.add(t0.plusDays(day));
		}
		cuts.addAll(List.of(LocalDate.of(today.getYear(), 1, 1), today.minusDays(1), today, today.plusDays(10), today.plusDays(40)));
		int compared = 0;
		for (LocalDate from : cuts) {
			for (LocalDate to : cuts) {
				if (from.isAfter(to)) {
					continue;
				}
				for (long node : new long[] { tree.county(), tree.chamber() }) {
					for (boolean grouped : new boolean[] { true, false }) {
						assertThat(sums(node, from, to, grouped, false)).as("%s %s–%s grouped %s", node, from, to, grouped)
							.isEqualTo(sums(node, from, to, grouped, true));
						compared++;
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(300);
		// the province (every test's data below it) with its drill-down, for a few periods
		signIn(tree.account(tree.province(), Role.STAFF));
		for (LocalDate from : List.of(t0, LocalDate.of(today.getYear(), 1, 1), t0.plusDays(190))) {
			assertThat(sums(tree.province(), from, today, true, false)).isEqualTo(sums(tree.province(), from, today, true, true));
		}

		signIn(tree.account(tree.county(), Role.STAFF));
		// the figures say what the data set holds: in the gap between e3's pairings (e4 removed) no enterprise of the
		// chamber's subtree helps; the day P4 starts, e3 does
		assertThat(figures.totals(tree.chamber(), t0.plusDays(300), t0.plusDays(364)).enterprises()).isZero();
		assertThat(figures.totals(tree.chamber(), t0.plusDays(286), t0.plusDays(365)).enterprises()).isEqualTo(1);
		// the project started after its pairing ended counts for a period holding both the end and its start
		assertThat(figures.totals(tree.chamber(), t0.plusDays(180), t0.plusDays(199)).projects()).isEqualTo(1);
		assertThat(figures.totals(tree.chamber(), t0.plusDays(180), t0.plusDays(200)).projects()).isEqualTo(2);
		assertThat(figures.totals(tree.chamber(), t0.plusDays(181), t0.plusDays(200)).projects()).isZero();

		// the triggers' day counts are what counting everything afresh gives
		String countyPath = jdbc.sql("select path from organization where id = :id").param("id", tree.county()).query(String.class).single();
		List<String> kept = dayCounts(countyPath);
		jdbc.sql("select welfare_figure_reach_rebuild()").query().singleRow();
		assertThat(dayCounts(countyPath)).isEqualTo(kept).isNotEmpty();
	}

	private List<String> dayCounts(String path) {
		return jdbc.sql("""
				select concat_ws(' ', scope_path, own, grain, day, kind, starts, ends) from welfare_reach_day
				where scope_path like :p and (starts <> 0 or ends <> 0) order by scope_path, own, grain, day, kind
				""").param("p", path + "%").query(String.class).list();
	}

	/** The node's non-empty sums by key, either pre-counted or counted from the rows. */
	private Map<Long, Sums> sums(long node, LocalDate from, LocalDate to, boolean grouped, boolean direct) {
		Map<Long, Sums> sums = new TreeMap<>(figures.sumsBothWays(node, from, to, grouped, direct));
		sums.values().removeIf(s -> s.equals(new Sums(s.k(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
		return sums;
	}

	private long enterprise(String token, long org, String name) {
		return MemberFixture.enterprise(port, token, org, name, MemberFixture.creditCode(), MemberFixture.phone());
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
