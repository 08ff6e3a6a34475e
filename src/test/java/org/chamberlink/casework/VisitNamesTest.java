package org.chamberlink.casework;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
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
 * A visit keeps only the organisation's and the member's ids (casework reads no other module's
 * table); every way of reading visits names both, looked up from their modules.
 */
@IntegrationTest
@Tag("database")
class VisitNamesTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Visits visits;

	@Autowired
	VisitWorkflow workflow;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aVisitIsShownWithItsOrganisationsAndItsMembersNames() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "走访测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "新华区工商联", "130105", province);
		long chamber = fixture.chamber("INDUSTRY", "新华区五金商会", "130105", county);
		long party = MemberFixture.person(port, fixture.tokenIn(chamber, Role.CHAMBER_ADMIN), chamber, "周建国",
				MemberFixture.identityNumber(), MemberFixture.phone());
		var staff = new TestAccounts(accountManagement).createIn(chamber, Role.STAFF);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		Long visit = workflow.plan(chamber, party, year, 2, "秘书长", "了解用工情况");

		assertThat(visits.get(visit)).extracting(VisitView::orgName, VisitView::partyName)
			.containsExactly("新华区五金商会", "周建国");
		assertThat(visits.quarter(chamber, year, 2)).extracting(VisitView::orgName, VisitView::partyName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("新华区五金商会", "周建国"));
		assertThat(visits.ofParty(party)).extracting(VisitView::orgName, VisitView::partyName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("新华区五金商会", "周建国"));
	}

}
