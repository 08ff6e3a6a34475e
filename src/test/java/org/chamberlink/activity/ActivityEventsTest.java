package org.chamberlink.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
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
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other modules (the points ledger to come) hear from activities: a member checked in is
 * {@link AttendanceRecorded}; an activity held is {@link ActivityHeld} with its attendance counted —
 * by staff, and by the sweep for one whose end passed unmarked.
 */
@IntegrationTest
@EnableScenarios
@Tag("database")
class ActivityEventsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityPlanning planning;

	@Autowired
	ActivityCheckIns checkIns;

	TestTree tree;

	long membership;

	long party;

	@BeforeEach
	void aChamberWithAMember() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("活动事件");
		party = MemberFixture.enterprise(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "事件企业" + tree.tag(),
				MemberFixture.creditCode(), MemberFixture.phone());
		membership = jdbc.sql("select membership_id from published_membership where party_id = :p").param("p", party)
			.query(Long.class).single();
		signIn(tree.account(tree.county(), Role.STAFF));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void checkingAMemberInPublishesAttendanceRecordedAndHoldingPublishesActivityHeld(Scenario scenario) {
		Long id = startedTraining();
		scenario.stimulate(() -> checkIns.checkInMember(id, membership))
			.andWaitForEventOfType(AttendanceRecorded.class)
			.matching(event -> event.activityId().equals(id))
			.toArriveAndVerify(event -> {
				assertThat(event.orgId()).isEqualTo(tree.county());
				assertThat(event.kind()).isEqualTo(ActivityKind.TRAINING);
				assertThat(event.membershipId()).isEqualTo(membership);
				assertThat(event.partyId()).isEqualTo(party);
				assertThat(event.way()).isEqualTo(CheckInWay.STAFF);
			});
		checkIns.checkInWalkInGuest(id, "李来宾", "13700001111");
		scenario.stimulate(() -> planning.markHeld(id))
			.andWaitForEventOfType(ActivityHeld.class)
			.matching(event -> event.activityId().equals(id))
			.toArriveAndVerify(event -> {
				assertThat(event.orgId()).isEqualTo(tree.county());
				assertThat(event.kind()).isEqualTo(ActivityKind.TRAINING);
				assertThat(event.attended()).isEqualTo(2);
				assertThat(event.membersAttended()).isEqualTo(1);
				assertThat(event.heldOn()).isEqualTo(LocalDate.now(ChinaTime.ZONE));
			});
	}

	@Test
	void theSweepMarksAnActivityWhoseEndPassedHeld(Scenario scenario) {
		Long id = startedTraining();
		checkIns.checkInMember(id, membership);
		// the activity ended an hour ago and nobody marked it
		jdbc.sql("update activity set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = :id")
			.param("id", id).update();
		scenario.stimulate(() -> planning.markPastActivitiesHeld())
			.andWaitForEventOfType(ActivityHeld.class)
			.matching(event -> event.activityId().equals(id))
			.toArriveAndVerify(event -> assertThat(event.attended()).isEqualTo(1));
		assertThat(jdbc.sql("select status from activity where id = :id").param("id", id).query(String.class).single()).isEqualTo("HELD");
	}

	private Long startedTraining() {
		LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
		Long id = planning.create(ActivityForm.of(tree.county(), ActivityKind.TRAINING, "以会代训", now.minusMinutes(5), now.plusHours(2),
				"县会议中心", null));
		planning.publish(id);
		return id;
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
