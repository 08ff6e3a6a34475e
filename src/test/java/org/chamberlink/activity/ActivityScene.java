package org.chamberlink.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A hand-counted year of activities in a test's own tree, arranged through the domain services as
 * staff would (meetings that started ten minutes ago, so people can be checked in and the meeting
 * marked held):
 * <ul>
 * <li>the county (长安区) holds a training: three members registered beforehand (甲, 乙, the
 * chamber's enterprise), 甲 and 乙 come, the county's own member 丁 and a guest walk in — 5 seats,
 * 4 person-times, 2 of 3 registered came;</li>
 * <li>the chamber holds a council meeting: of its three council members (甲, 乙, 丙) only 甲 is
 * checked in — a walk-in, 1 person-time, no quorum once minutes are recorded;</li>
 * <li>the chamber holds a forum: 丙, the enterprise and 乙 registered, 丙 and the enterprise come, 甲
 * walks in — 3 person-times, 2 of 3 registered came;</li>
 * <li>the county cancels a forum, and a second chamber of the county holds nothing;</li>
 * <li>the neighbouring county (桥西区) holds a forum with one member checked in.</li>
 * </ul>
 * For the county's subtree: 3 held (1 council meeting, 1 training, 1 forum), 8 person-times,
 * registered 6 of whom 4 came (66.66 %), 5 distinct members (甲, 乙, 丙, 丁, the enterprise),
 * 1 governance meeting (with quorum once minutes say so), 3 organisations of which 1 held nothing.
 */
final class ActivityScene {

	final TestTree tree;

	final long secondChamber;

	final AccountPrincipal countyStaff;

	final AccountPrincipal neighbourStaff;

	final String countyToken;

	final String chamberToken;

	/** When every activity here starts: ten minutes ago, China time. */
	final LocalDateTime start;

	final long jia;

	final long yi;

	final long bing;

	final long enterprise;

	final long ding;

	final Long training;

	final Long council;

	final Long forum;

	final Long cancelled;

	final Long neighbourForum;

	private final JdbcClient jdbc;

	private final ActivityMinutes minutes;

	private ActivityScene(Builder b) {
		this.tree = b.tree;
		this.secondChamber = b.secondChamber;
		this.countyStaff = b.countyStaff;
		this.neighbourStaff = b.neighbourStaff;
		this.countyToken = b.countyToken;
		this.chamberToken = b.chamberToken;
		this.start = b.start;
		this.jia = b.jia;
		this.yi = b.yi;
		this.bing = b.bing;
		this.enterprise = b.enterprise;
		this.ding = b.ding;
		this.training = b.training;
		this.council = b.council;
		this.forum = b.forum;
		this.cancelled = b.cancelled;
		this.neighbourForum = b.neighbourForum;
		this.jdbc = b.jdbc;
		this.minutes = b.minutes;
	}

	LocalDate day() {
		return start.toLocalDate();
	}

	long partyOf(long membership) {
		return jdbc.sql("select party_id from published_membership where membership_id = :m").param("m", membership)
			.query(Long.class).single();
	}

	static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

	/** Plants the scene with the application's own services (the test's context), on the test's port. */
	static ActivityScene plant(ApplicationContext beans, int port, String topic) {
		JdbcClient jdbc = beans.getBean(JdbcClient.class);
		ActivityPlanning planning = beans.getBean(ActivityPlanning.class);
		ActivityRegistrations registrations = beans.getBean(ActivityRegistrations.class);
		ActivityCheckIns checkIns = beans.getBean(ActivityCheckIns.class);
		Builder b = new Builder();
		b.jdbc = jdbc;
		b.minutes = beans.getBean(ActivityMinutes.class);
		OrganizationFixture fixture = new OrganizationFixture(port, beans.getBean(AccountManagement.class),
				beans.getBean(ApiTokens.class), jdbc);
		b.tree = fixture.tree(topic);
		TestTree tree = b.tree;
		b.secondChamber = fixture.chamber("INDUSTRY", "长安区第二" + topic + "商会" + tree.tag(), "130102", tree.county());
		b.countyStaff = tree.account(tree.county(), Role.STAFF);
		b.neighbourStaff = tree.account(tree.neighbourCounty(), Role.STAFF);
		b.countyToken = tree.token(tree.county(), Role.FEDERATION_ADMIN);
		b.chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		b.start = LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES).minusMinutes(10);
		b.jia = membership(jdbc, person(port, b.chamberToken, tree.chamber(), "甲" + tree.tag()));
		b.yi = membership(jdbc, person(port, b.chamberToken, tree.chamber(), "乙" + tree.tag()));
		b.bing = membership(jdbc, person(port, b.chamberToken, tree.chamber(), "丙" + tree.tag()));
		b.enterprise = membership(jdbc, MemberFixture.enterprise(port, b.chamberToken, tree.chamber(), "长安印刷有限公司" + tree.tag(),
				MemberFixture.creditCode(), MemberFixture.phone()));
		b.ding = membership(jdbc, person(port, b.countyToken, tree.county(), "丁" + tree.tag()));

		signIn(b.countyStaff);
		b.training = published(planning, tree.county(), ActivityKind.TRAINING, "民法典培训", b.start);
		registrations.register(b.training, b.jia);
		registrations.register(b.training, b.yi);
		registrations.register(b.training, b.enterprise);
		checkIns.checkIn(b.training, attendee(jdbc, b.training, b.jia), CheckInWay.STAFF);
		checkIns.checkIn(b.training, attendee(jdbc, b.training, b.yi), CheckInWay.SHEET);
		checkIns.checkInMember(b.training, b.ding);
		checkIns.checkInWalkInGuest(b.training, "王来宾", "13912340000");
		planning.markHeld(b.training);

		b.council = published(planning, tree.chamber(), ActivityKind.COUNCIL, "第二届理事会第三次会议", b.start);
		checkIns.checkInMember(b.council, b.jia);
		planning.markHeld(b.council);

		b.forum = published(planning, tree.chamber(), ActivityKind.FORUM, "企业合规论坛", b.start);
		registrations.register(b.forum, b.bing);
		registrations.register(b.forum, b.enterprise);
		registrations.register(b.forum, b.yi);
		checkIns.checkIn(b.forum, attendee(jdbc, b.forum, b.bing), CheckInWay.STAFF);
		checkIns.checkIn(b.forum, attendee(jdbc, b.forum, b.enterprise), CheckInWay.STAFF);
		checkIns.checkInMember(b.forum, b.jia);
		planning.markHeld(b.forum);

		b.cancelled = published(planning, tree.county(), ActivityKind.FORUM, "取消的论坛", b.start);
		planning.cancel(b.cancelled, "场地不可用");

		signIn(b.neighbourStaff);
		long neighbourMember = membership(jdbc, person(port, tree.token(tree.neighbour(), Role.CHAMBER_ADMIN), tree.neighbour(),
				"桥西会员" + tree.tag()));
		b.neighbourForum = published(planning, tree.neighbourCounty(), ActivityKind.FORUM, "桥西区论坛", b.start);
		checkIns.checkInMember(b.neighbourForum, neighbourMember);
		planning.markHeld(b.neighbourForum);
		signIn(b.countyStaff);
		return new ActivityScene(b);
	}

	private static Long published(ActivityPlanning planning, long org, ActivityKind kind, String title, LocalDateTime start) {
		Long id = planning.create(ActivityForm.of(org, kind, title, start, start.plusHours(3), "长安区会议中心", null));
		planning.publish(id);
		return id;
	}

	private static long person(int port, String token, long org, String name) {
		return MemberFixture.person(port, token, org, name, MemberFixture.identityNumber(), MemberFixture.phone());
	}

	private static long membership(JdbcClient jdbc, long party) {
		return jdbc.sql("select membership_id from published_membership where party_id = :party").param("party", party)
			.query(Long.class).single();
	}

	static Long attendee(JdbcClient jdbc, Long activity, long membership) {
		return jdbc.sql("select id from activity_attendee where activity_id = :a and membership_id = :m and status <> 'CANCELLED'")
			.param("a", activity).param("m", membership).query(Long.class).single();
	}

	/** The minutes of the council meeting as the chamber's clerk records them: one resolution, 1 for, present 1. */
	Minutes councilMinutes() {
		return minutes.record(council, "审议年度工作报告。", List.of(Resolution.of("通过年度工作报告", 1, 0, 0)));
	}

	private static final class Builder {

		JdbcClient jdbc;

		ActivityMinutes minutes;

		TestTree tree;

		long secondChamber;

		AccountPrincipal countyStaff;

		AccountPrincipal neighbourStaff;

		String countyToken;

		String chamberToken;

		LocalDateTime start;

		long jia;

		long yi;

		long bing;

		long enterprise;

		long ding;

		Long training;

		Long council;

		Long forum;

		Long cancelled;

		Long neighbourForum;

	}

}
