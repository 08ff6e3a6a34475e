package org.chamberlink.report;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.OrganizationChanges;
import org.chamberlink.organization.OrganizationDetails;
import org.chamberlink.organization.OrganizationDissolution;
import org.chamberlink.organization.OrganizationManagement;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
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
 * Last year's return answers as of its 31 December (decision 57), not as of today: a member who
 * joined after it and one who left before it, a chamber dissolved since, chambers founded since and
 * a registration and party organisation recorded since — each counted exactly as it stood that day,
 * in the return's cells, in the figures the return reads and in their drill-downs (the records behind
 * a cell); the same figures for today differ.
 */
@IntegrationTest
@Tag("database")
class ReportAsOfTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatisticalReturns returns;

	@Autowired
	Figures figures;

	@Autowired
	Organizations organizations;

	@Autowired
	OrganizationManagement management;

	@Autowired
	OrganizationDissolution dissolution;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

	long value(String key, long org, FigurePeriod period) {
		return figures.value(key, org, period).value().longValue();
	}

	long below(String key, long node, long child, FigurePeriod period) {
		return figures.figure(key, node, period)
			.below()
			.stream()
			.filter(row -> row.orgId().equals(child) && !row.own())
			.findFirst()
			.orElseThrow()
			.value()
			.value()
			.longValue();
	}

	@Test
	void lastYearsReturnCountsAsOfItsThirtyFirstOfDecemberAndTodayDiffers() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		TestTree tree = fixture.tree("截至");
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		int year = today.getYear() - 1;
		LocalDate before = LocalDate.of(year, 6, 1);
		LocalDate after = LocalDate.of(year + 1, 1, 1);
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);

		// members of the chamber: one throughout, one who left before 31 December, one who left after it,
		// two who joined after it
		MemberFixture.enterprise(port, token, tree.chamber(), "截至企业甲" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		long leftBefore = MemberFixture.person(port, token, tree.chamber(), "早退会员", MemberFixture.identityNumber(), MemberFixture.phone());
		long leftAfter = MemberFixture.person(port, token, tree.chamber(), "晚退会员", MemberFixture.identityNumber(), MemberFixture.phone());
		long joinedAfter = MemberFixture.enterprise(port, token, tree.chamber(), "截至企业乙" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		long joinedAfter2 = MemberFixture.enterprise(port, token, tree.chamber(), "截至企业丙" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		leave(leftBefore, tree.chamber(), before);
		leave(leftAfter, tree.chamber(), after);
		join(joinedAfter, tree.chamber(), after);
		join(joinedAfter2, tree.chamber(), after);

		// chambers of the county: one dissolved today (it stood on 31 December), two founded since
		long dissolved = fixture.chamber("REGIONAL", "长安区已注销商会" + tree.tag(), "130102", tree.county());
		jdbc.sql("""
				update organization set founded_on = date '2015-05-01', registered = true, registered_on = date '2016-01-01',
				       party_organisation = 'BRANCH' where id = :id
				""").param("id", dissolved).update();
		long founded = fixture.chamber("REGIONAL", "长安区新成立商会" + tree.tag(), "130102", tree.county());
		long founded2 = fixture.chamber("REGIONAL", "长安区新成立二商会" + tree.tag(), "130102", tree.county());
		jdbc.sql("update organization set founded_on = :d where id in (:ids)")
			.param("d", after)
			.param("ids", java.util.List.of(founded, founded2))
			.update();
		AccountPrincipal county = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		signIn(county);
		dissolution.dissolve(dissolved);
		assertThat(jdbc.sql("select dissolved_on from organization where id = :id").param("id", dissolved).query(LocalDate.class).single())
			.isEqualTo(today);
		// the chamber registers today and founds its party organisation now (dated from today)
		OrganizationDetails details = organizations.details(tree.chamber());
		OrganizationChanges c = OrganizationChanges.of(details);
		management.update(tree.chamber(), new OrganizationChanges(c.name(), c.shortName(), c.regionCode(), c.parentId(),
				c.foundedOn(), true, today, null, null, "BRANCH", c.partyStarRating(), c.partyLiaison(), c.officeFixed(),
				c.officeArea(), c.fulltimeStaff(), c.website(), c.periodical(), c.hasStaff(), c.hasOffice(), c.hasFunds(),
				c.hasEquipment(), c.hasDuties(), c.incomeBand(), c.acceptsJoinApplications(), c.version(), c.originRegionCode()));
		assertThat(jdbc.sql("select party_established_on from organization where id = :id").param("id", tree.chamber())
			.query(LocalDate.class).single()).isEqualTo(today);

		FigurePeriod lastYear = new FigurePeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		FigurePeriod thisYear = FigurePeriod.thisYear(today);

		// the county's organisation figures: as of 31 December the chamber and the one dissolved since
		assertThat(value("organization.chambers", tree.county(), lastYear)).isEqualTo(2);
		assertThat(value("organization.chambers.industry", tree.county(), lastYear)).isEqualTo(1);
		assertThat(value("organization.chambers.regional", tree.county(), lastYear)).isEqualTo(1);
		assertThat(value("organization.registeredChambers", tree.county(), lastYear)).isEqualTo(1);
		assertThat(value("organization.chambersWithParty", tree.county(), lastYear)).isEqualTo(1);
		// today: the chamber and the two founded since; the dissolved one gone
		assertThat(value("organization.chambers", tree.county(), thisYear)).isEqualTo(3);
		assertThat(value("organization.chambers.regional", tree.county(), thisYear)).isEqualTo(2);
		assertThat(value("organization.registeredChambers", tree.county(), thisYear)).isEqualTo(1);
		assertThat(value("organization.chambersWithParty", tree.county(), thisYear)).isEqualTo(1);
		assertThat(figures.value("organization.registrationRate", tree.county(), lastYear).value()).isEqualByComparingTo("50");

		// the province's drill-down (the records behind its cell) reads the county as of the same day
		AccountPrincipal province = tree.account(tree.province(), Role.FEDERATION_ADMIN);
		signIn(province);
		assertThat(below("organization.chambers", tree.province(), tree.county(), lastYear)).isEqualTo(2);
		assertThat(below("organization.chambers", tree.province(), tree.county(), thisYear)).isEqualTo(3);
		assertThat(below("member.total", tree.province(), tree.county(), lastYear)).isEqualTo(2);
		assertThat(below("member.total", tree.province(), tree.county(), thisYear)).isEqualTo(3);

		// the county pre-fills last year's returns below it: the chamber's as of 31 December
		signIn(county);
		assertThat(returns.prefillBelow(year, null)).isEqualTo(3);
		Map<String, CellValue> prefilled = returns.cells(returns.find(tree.chamber(), year).orElseThrow().id());
		assertThat(prefilled.get("mem.total").value()).isEqualTo(2L);
		assertThat(prefilled.get("mem.enterprises").value()).isEqualTo(1L);
		assertThat(prefilled.get("mem.persons").value()).isEqualTo(1L);
		assertThat(prefilled.get("mem.partyMembers").value()).isEqualTo(1L);
		assertThat(prefilled.get("org.chambers").value()).isEqualTo(1L);
		assertThat(prefilled.get("org.registered").value()).isZero();
		assertThat(prefilled.get("org.withParty").value()).isZero();
		// a chamber founded since did not exist on 31 December
		assertThat(returns.cells(returns.find(founded, year).orElseThrow().id()).get("org.chambers").value()).isZero();
		// the county's drill-down of a member cell: the chamber as of 31 December
		assertThat(below("member.total", tree.county(), tree.chamber(), lastYear)).isEqualTo(2);

		// the chamber's own return for last year is the same as of 31 December; opened the same way it reads the same
		AccountPrincipal chamber = tree.account(tree.chamber(), Role.CHAMBER_ADMIN);
		signIn(chamber);
		Long id = returns.open(year, null);
		assertThat(returns.get(id).asOf()).isEqualTo(LocalDate.of(year, 12, 31));
		returns.refresh(id, null);
		Map<String, CellValue> cells = returns.cells(id);
		assertThat(cells.get("mem.total").recorded()).isEqualTo(2L);
		assertThat(cells.get("mem.persons").recorded()).isEqualTo(1L);
		assertThat(cells.get("mem.partyMembers").recorded()).isEqualTo(1L);
		assertThat(cells.get("mem.enterprises").recorded()).isEqualTo(1L);
		assertThat(cells.get("org.chambers").recorded()).isEqualTo(1L);
		assertThat(cells.get("org.registered").recorded()).isZero();

		// the same figures for today differ
		assertThat(value("member.total", tree.chamber(), thisYear)).isEqualTo(3);
		assertThat(value("member.enterprises", tree.chamber(), thisYear)).isEqualTo(3);
		assertThat(value("member.persons", tree.chamber(), thisYear)).isZero();
		assertThat(value("member.partyMembers", tree.chamber(), thisYear)).isZero();
		assertThat(value("organization.registeredChambers", tree.chamber(), thisYear)).isEqualTo(1);
		assertThat(value("organization.chambersWithParty", tree.chamber(), thisYear)).isEqualTo(1);
	}

	private void leave(long party, long org, LocalDate on) {
		jdbc.sql("update membership set left_on = :d, leave_reason = '退会' where party_id = :p and org_id = :o")
			.param("d", on)
			.param("p", party)
			.param("o", org)
			.update();
	}

	private void join(long party, long org, LocalDate on) {
		jdbc.sql("update membership set joined_on = :d where party_id = :p and org_id = :o")
			.param("d", on)
			.param("p", party)
			.param("o", org)
			.update();
	}

}
