package org.chamberlink.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chamberlink.activity.ActivityHeld;
import org.chamberlink.activity.AttendanceRecorded;
import org.chamberlink.activity.HeldActivities;
import org.chamberlink.casework.CaseRated;
import org.chamberlink.casework.CaseReopened;
import org.chamberlink.casework.CaseState;
import org.chamberlink.casework.VisitCompleted;
import org.chamberlink.dues.PaymentRecorded;
import org.chamberlink.dues.PaymentReversed;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points from what the other modules did (decision 36): each event, after its transaction committed,
 * is awarded by every active rule of its action that scores the organisation (the rule's organiser
 * above it, the organisation of the rule's level); an undoing event reverses what its source earned.
 * Delivery is at least once: an occurrence already awarded or reversed is skipped.
 */
@Component
class PointListeners {

	private final PointRules rules;

	private final PointWriter writer;

	private final Organizations organizations;

	private final HeldActivities heldActivities;

	private final Clock clock;

	PointListeners(PointRules rules, PointWriter writer, Organizations organizations, HeldActivities heldActivities, Clock clock) {
		this.heldActivities = heldActivities;
		this.rules = rules;
		this.writer = writer;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** A resolved case rated satisfied; each rating of a reopened case is its own occurrence. */
	@ApplicationModuleListener
	void on(CaseRated event) {
		if (event.satisfied() && event.closedAs() == CaseState.RESOLVED) {
			award(PointAction.CASE_SATISFIED, event.orgId(), event.orgPath(), event.caseId(), event.ratedAt().toString(),
					event.ratedAt());
		}
	}

	/** A case reopened: the points of its earlier ratings no longer hold. */
	@ApplicationModuleListener
	void on(CaseReopened event) {
		writer.reverse(PointAction.CASE_SATISFIED.sourceType(), event.caseId(), event.reopenedAt(), event.reopenedAt());
	}

	@ApplicationModuleListener
	void on(VisitCompleted event) {
		award(PointAction.VISIT_COMPLETED, event.orgId(), event.orgPath(), event.visitId(), "", startOf(event.visitedOn()));
	}

	/** An activity held with attendance (a held activity can no longer be cancelled: nothing to reverse). */
	@ApplicationModuleListener
	void on(ActivityHeld event) {
		if (event.attended() > 0) {
			award(PointAction.ACTIVITY_HELD, event.orgId(), event.orgPath(), event.activityId(), "", startOf(event.heldOn()));
		}
	}

	/**
	 * A check-in ticked from the paper sheet after the activity was marked held (its
	 * {@link ActivityHeld} counted nobody): the activity now has attendance and earns its points once.
	 */
	@ApplicationModuleListener
	void on(AttendanceRecorded event) {
		heldActivities.findHeldUnscoped(event.activityId()).ifPresent(this::on);
	}

	@ApplicationModuleListener
	void on(PaymentRecorded event) {
		award(PointAction.DUES_PAID, event.orgId(), event.orgPath(), event.entryId(), "", startOf(event.paidOn()));
	}

	@ApplicationModuleListener
	void on(PaymentReversed event) {
		writer.reverse(PointAction.DUES_PAID.sourceType(), event.paymentEntryId(), null, clock.instant());
	}

	private void award(PointAction action, Long orgId, String orgPath, Long sourceId, String occurrence, Instant at) {
		// the listener runs without a sign-in: the organisation's level is public, read regardless of scope
		Optional<PointLevel> level = organizations.findActiveUnscoped(orgId).map(PointLevel::of);
		if (level.isEmpty()) {
			return;
		}
		List<PointWriter.Source> source = List.of(new PointWriter.Source(orgId, orgPath, level.get(), sourceId, occurrence, at));
		for (PointRule rule : rules.scoring(action, orgPath, level.get())) {
			writer.award(rule, source, false);
		}
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ChinaTime.ZONE).toInstant();
	}

}
