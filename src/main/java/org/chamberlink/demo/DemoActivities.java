package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityForm;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityMinutes;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.Resolution;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;

import org.springframework.stereotype.Component;

/**
 * Activities for the demo: last month's county training entered from the paper ledger with its
 * sign-in sheet ticked and closed; a chamber's council meeting two weeks ago with its quorum and a
 * resolution; a forum next week full with one member waiting; a chamber's sports day next month —
 * so the list, the calendar, the activity's page, the ledger and the figures have something real.
 */
@Component
class DemoActivities {

	private final ActivityPlanning planning;

	private final ActivityRegistrations registrations;

	private final ActivityCheckIns checkIns;

	private final ActivityMinutes minutes;

	private final Clock clock;

	DemoActivities(ActivityPlanning planning, ActivityRegistrations registrations, ActivityCheckIns checkIns, ActivityMinutes minutes,
			Clock clock) {
		this.planning = planning;
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.minutes = minutes;
		this.clock = clock;
	}

	/** Fills a county and its first chamber; {@code parties} are the chamber's demo members, the president first. */
	void fill(OrganizationSummary county, OrganizationSummary chamber, List<Long> parties) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDateTime lastMonth = today.minusMonths(1).withDayOfMonth(15).atTime(14, 30);
		Long training = planning.create(ActivityForm.of(county.id(), ActivityKind.TRAINING, "民法典与企业合规经营培训", lastMonth,
				lastMonth.plusHours(2), county.name() + "会议室", 80));
		planning.markHeld(training);
		parties.stream().limit(8).forEach(party -> checkIn(training, party));
		minutes.record(training, "邀请区司法局律师讲解民法典合同编与企业合规要点，现场答疑 12 个问题。", List.of());
		planning.close(training);

		LocalDateTime twoWeeksAgo = today.minusWeeks(2).atTime(9, 30);
		Long council = planning.create(ActivityForm.of(chamber.id(), ActivityKind.COUNCIL, "第三届理事会第二次会议", twoWeeksAgo,
				twoWeeksAgo.plusHours(2), chamber.name() + "会议室", null));
		planning.markHeld(council);
		// six of the seven council members came: more than two thirds
		parties.stream().limit(6).forEach(party -> checkIn(council, party));
		minutes.record(council, "审议通过年度工作报告和会费收支情况报告，研究下半年走访会员企业计划。",
				List.of(Resolution.of("通过年度工作报告", 6, 0, 0), Resolution.of("通过会费收支情况报告", 5, 0, 1)));

		LocalDateTime nextWeek = today.plusWeeks(1).atTime(14, 0);
		Long forum = planning.create(ActivityForm.of(county.id(), ActivityKind.FORUM, "民营企业融资对接会", nextWeek, nextWeek.plusHours(3),
				county.name() + "工商联报告厅", 5));
		planning.publish(forum);
		parties.stream().skip(2).limit(6).forEach(party -> register(forum, party));

		LocalDateTime nextMonth = today.plusMonths(1).withDayOfMonth(10).atTime(8, 30);
		Long sports = planning.create(ActivityForm.of(chamber.id(), ActivityKind.CULTURE_SPORTS, "会员之家趣味运动会", nextMonth,
				nextMonth.plusHours(4), "镇文体中心", null));
		planning.publish(sports);
	}

	private void checkIn(Long activity, Long party) {
		registrations.audienceMembership(activity, party)
			.ifPresent(member -> checkIns.checkInMember(activity, member.membershipId()));
	}

	private void register(Long activity, Long party) {
		registrations.audienceMembership(activity, party)
			.ifPresent(member -> registrations.register(activity, member.membershipId()));
	}

}
