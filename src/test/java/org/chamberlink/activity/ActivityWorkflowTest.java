package org.chamberlink.activity;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
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
 * An activity's course against the database: seats and the waiting list (also when two take the
 * last seat at once), withdrawal moving the first waiting up with a notice, signed check-in codes
 * and their window, check-in twice, the quorum of a council meeting, votes beyond those present,
 * and the data scope of every read and change.
 */
@IntegrationTest
@Tag("database")
class ActivityWorkflowTest {

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
	Activities activities;

	@Autowired
	ActivityRegistrations registrations;

	@Autowired
	ActivityCheckIns checkIns;

	@Autowired
	ActivityMinutes minutes;

	@Autowired
	MemberAccounts memberAccounts;

	@Autowired
	UserDetailsService accountDetails;

	TestTree tree;

	AccountPrincipal staff;

	String chamberToken;

	@BeforeEach
	void plantTree() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("活动");
		staff = tree.account(tree.county(), Role.STAFF);
		chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		signIn(staff);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aFullTrainingWaitListsAndAWithdrawalMovesTheFirstWaitingUp() {
		Long training = publishedTraining(LocalDateTime.now(ChinaTime.ZONE).plusDays(3), 2);
		long first = membership(enterprise("甲"));
		long second = membership(enterprise("乙"));
		long third = membership(enterprise("丙"));

		assertThat(registrations.register(training, first)).isEqualTo(AttendeeStatus.REGISTERED);
		assertThat(registrations.register(training, second)).isEqualTo(AttendeeStatus.REGISTERED);
		assertThat(registrations.register(training, third)).isEqualTo(AttendeeStatus.WAITLISTED);
		assertThatThrownBy(() -> registrations.register(training, first)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "activity.registration.twice");
		assertThat(activities.get(training)).extracting(ActivityView::registered, ActivityView::waitlisted).containsExactly(2, 1);

		Long firstSeat = attendeeOf(training, first);
		registrations.cancel(training, firstSeat);

		assertThat(registrations.attendees(training)).filteredOn(a -> a.status() == AttendeeStatus.REGISTERED)
			.extracting(Attendee::membershipId).containsExactlyInAnyOrder(second, third);
		assertThat(activities.get(training)).extracting(ActivityView::registered, ActivityView::waitlisted).containsExactly(2, 0);
		// the member moved up is told (an SMS: the enterprise has a phone and no e-mail)
		assertThat(jdbc.sql("select count(*) from notification_outbox where dedup_key = :key")
			.param("key", "activity:" + training + ":movedUp:" + partyOf(third)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void twoMembersTakingTheLastSeatAtOnceGetOneSeatAndOneWaitingPlace() throws Exception {
		Long training = publishedTraining(LocalDateTime.now(ChinaTime.ZONE).plusDays(3), 1);
		List<Long> members = List.of(membership(enterprise("争一")), membership(enterprise("争二")));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<AttendeeStatus>> answers = new ArrayList<>();
			for (Long member : members) {
				answers.add(pool.submit((Callable<AttendeeStatus>) () -> {
					signIn(staff);
					start.await();
					return registrations.register(training, member);
				}));
			}
			start.countDown();
			List<AttendeeStatus> statuses = new ArrayList<>();
			for (Future<AttendeeStatus> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(AttendeeStatus.REGISTERED, AttendeeStatus.WAITLISTED);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aMemberRegistersInThePortalOnlyForWhatTheirAudienceIncludes() {
		long party = person("门户会员");
		AccountPrincipal member = memberPrincipal(party);
		Long training = publishedTraining(LocalDateTime.now(ChinaTime.ZONE).plusDays(3), null);
		SecurityContextHolder.clearContext();

		assertThat(registrations.registerOwn(member, training)).isEqualTo(AttendeeStatus.REGISTERED);
		assertThatThrownBy(() -> registrations.registerOwn(member, training)).isInstanceOf(RuleViolationException.class);

		// the neighbouring county's training is not the member's: it answers as one that does not exist
		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		Long neighbours = planning.create(ActivityForm.of(tree.neighbourCounty(), ActivityKind.TRAINING, "桥西区培训",
				LocalDateTime.now(ChinaTime.ZONE).plusDays(3), LocalDateTime.now(ChinaTime.ZONE).plusDays(3).plusHours(2), "桥西区会堂", null));
		planning.publish(neighbours);
		SecurityContextHolder.clearContext();
		assertThatThrownBy(() -> registrations.registerOwn(member, neighbours)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> registrations.registerOwn(member, Long.MAX_VALUE)).isInstanceOf(RecordNotFoundException.class);

		registrations.cancelOwn(member, training);
		signIn(staff);
		assertThat(activities.get(training).registered()).isZero();
	}

	@Test
	void theCheckInCodeIsSignedBoundToItsActivityAndItsWindowAndASecondCheckInSaysWhen() {
		LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
		Long open = publishedTraining(now.plusMinutes(30), null);
		Long later = publishedTraining(now.plusHours(5), null);
		long party = person("签到会员");
		AccountPrincipal member = memberPrincipal(party);
		String code = checkIns.code(open);
		String laterCode = checkIns.code(later);
		SecurityContextHolder.clearContext();

		CheckInOutcome first = checkIns.checkInOwn(member, open, code);
		CheckInOutcome again = checkIns.checkInOwn(member, open, code);
		assertThat(first.already()).isFalse();
		assertThat(again.already()).isTrue();
		assertThat(again.at()).isEqualTo(first.at());

		assertThatThrownBy(() -> checkIns.checkInOwn(member, open, open + ".forged-signature"))
			.hasFieldOrPropertyWithValue("messageKey", "activity.checkIn.codeInvalid");
		assertThatThrownBy(() -> checkIns.checkInOwn(member, open, laterCode))
			.hasFieldOrPropertyWithValue("messageKey", "activity.checkIn.otherActivity");
		assertThatThrownBy(() -> checkIns.checkInOwn(member, later, laterCode))
			.hasFieldOrPropertyWithValue("messageKey", "activity.checkIn.tooEarly");

		CheckInOutcome guest = checkIns.checkInGuest(open, code, "王来宾", "13912340000");
		assertThat(checkIns.checkInGuest(open, code, "王来宾", "139 1234 0000").already()).isTrue();
		assertThat(guest.name()).isEqualTo("王来宾");
	}

	@Test
	void aCouncilMeetingWithTooFewCouncilMembersPresentIsMarkedWithoutQuorum() {
		// three council members (vice-presidents) and an ordinary member, who may not attend a council meeting
		List<Long> council = List.of(membership(person("理事甲")), membership(person("理事乙")), membership(person("理事丙")));
		long ordinary = membership(enterprise("普通会员"));
		LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
		signIn(tree.account(tree.chamber(), Role.STAFF));
		Long meeting = planning.create(ActivityForm.of(tree.chamber(), ActivityKind.COUNCIL, "第二届理事会第三次会议", now.minusMinutes(10),
				now.plusHours(2), "商会会议室", null));
		planning.publish(meeting);
		assertThatThrownBy(() -> checkIns.checkInMember(meeting, ordinary))
			.hasFieldOrPropertyWithValue("messageKey", "activity.registration.notInAudience");
		checkIns.checkInMember(meeting, council.get(0));
		checkIns.checkInMember(meeting, council.get(1));
		planning.markHeld(meeting);

		// two of three is not more than two thirds
		Minutes recorded = minutes.record(meeting, "审议年度工作报告。", List.of(Resolution.of("通过年度工作报告", 2, 0, 0)));
		assertThat(recorded.eligible()).isEqualTo(3);
		assertThat(recorded.present()).isEqualTo(2);
		assertThat(recorded.quorumMet()).isFalse();
		assertThat(recorded.resolutions()).extracting(Resolution::passed).containsExactly(false);
		assertThat(activities.get(meeting).quorumMet()).isFalse();

		assertThatThrownBy(() -> minutes.record(meeting, "纪要", List.of(Resolution.of("超票", 2, 1, 0))))
			.hasFieldOrPropertyWithValue("messageKey", "activity.minutes.votesExceedPresent")
			.hasFieldOrPropertyWithValue("field", "resolutions[0].votesFor");
		assertThat(minutes.find(meeting).orElseThrow().resolutions()).extracting(Resolution::text).containsExactly("通过年度工作报告");

		checkIns.checkInMember(meeting, council.get(2));
		Minutes withQuorum = minutes.record(meeting, "审议年度工作报告。", List.of(Resolution.of("通过年度工作报告", 2, 1, 0)));
		assertThat(withQuorum.quorumMet()).isTrue();
		assertThat(withQuorum.resolutions()).extracting(Resolution::passed).containsExactly(true);
	}

	@Test
	void aNeighboursActivityAnswersAsOneThatDoesNotExist() {
		signIn(tree.account(tree.neighbourCounty(), Role.STAFF));
		Long neighbours = planning.create(ActivityForm.of(tree.neighbourCounty(), ActivityKind.FORUM, "桥西区论坛",
				LocalDateTime.now(ChinaTime.ZONE).plusDays(2), LocalDateTime.now(ChinaTime.ZONE).plusDays(2).plusHours(2), "桥西区会堂", 10));
		signIn(staff);
		assertThat(activities.find(neighbours)).isEmpty();
		assertThatThrownBy(() -> planning.publish(neighbours)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> registrations.attendees(neighbours)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> checkIns.code(neighbours)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> minutes.find(neighbours)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> planning.create(ActivityForm.of(tree.neighbour(), ActivityKind.FORUM, "越界",
				LocalDateTime.now(ChinaTime.ZONE).plusDays(2), LocalDateTime.now(ChinaTime.ZONE).plusDays(2).plusHours(2), "某地", 10)))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(activities.search(ActivityFilter.all(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent())
			.extracting(ActivityView::id).doesNotContain(neighbours);
	}

	private Long publishedTraining(LocalDateTime startsAt, Integer capacity) {
		Long id = planning.create(ActivityForm.of(tree.county(), ActivityKind.TRAINING, "民法典培训", startsAt, startsAt.plusHours(2),
				"长安区会议中心", capacity));
		planning.publish(id);
		return id;
	}

	private long enterprise(String name) {
		return MemberFixture.enterprise(port, chamberToken, tree.chamber(), name + "有限公司" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
	}

	private long person(String name) {
		return MemberFixture.person(port, chamberToken, tree.chamber(), name, MemberFixture.identityNumber(), MemberFixture.phone());
	}

	private long membership(long party) {
		return jdbc.sql("select membership_id from published_membership where party_id = :party").param("party", party)
			.query(Long.class).single();
	}

	private long partyOf(long membership) {
		return jdbc.sql("select party_id from published_membership where membership_id = :m").param("m", membership)
			.query(Long.class).single();
	}

	private Long attendeeOf(Long activity, long membership) {
		return jdbc.sql("select id from activity_attendee where activity_id = :a and membership_id = :m and status <> 'CANCELLED'")
			.param("a", activity).param("m", membership).query(Long.class).single();
	}

	private AccountPrincipal memberPrincipal(long party) {
		signIn(tree.account(tree.chamber(), Role.CHAMBER_ADMIN));
		MemberAccounts.Opened opened = memberAccounts.open(party);
		AccountPrincipal member = (AccountPrincipal) accountDetails.loadUserByUsername(opened.login());
		signIn(staff);
		return member;
	}

	private static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
