package org.chamberlink.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.activity.ActivityHeld;
import org.chamberlink.activity.AttendanceRecorded;
import org.chamberlink.activity.HeldActivities;
import org.chamberlink.casework.CaseRated;
import org.chamberlink.casework.CaseReopened;
import org.chamberlink.casework.CaseState;
import org.chamberlink.casework.VisitCompleted;
import org.chamberlink.dues.PaymentRecorded;
import org.chamberlink.dues.PaymentReversed;
import org.chamberlink.evaluation.RecognitionGranted;
import org.chamberlink.evaluation.RecognitionWithdrawn;
import org.chamberlink.honour.HonourAwarded;
import org.chamberlink.honour.HonourRevoked;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.welfare.DonationReceived;
import org.chamberlink.welfare.PairingProjectDelivered;

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
			award(PointAction.CASE_SATISFIED, event.orgId(), event.caseId(), event.ratedAt().toString(),
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
		award(PointAction.VISIT_COMPLETED, event.orgId(), event.visitId(), "", startOf(event.visitedOn()));
	}

	/** An activity held with attendance (a held activity can no longer be cancelled: nothing to reverse). */
	@ApplicationModuleListener
	void on(ActivityHeld event) {
		if (event.attended() > 0) {
			award(PointAction.ACTIVITY_HELD, event.orgId(), event.activityId(), "", startOf(event.heldOn()));
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
		award(PointAction.DUES_PAID, event.orgId(), event.entryId(), "", startOf(event.paidOn()));
	}

	@ApplicationModuleListener
	void on(PaymentReversed event) {
		writer.reverse(PointAction.DUES_PAID.sourceType(), event.paymentEntryId(), null, clock.instant());
	}

	/**
	 * A donation received: the giving organisation, or for a member's gift the organisation whose
	 * campaign received it, earns the points; a correction takes back what the corrected receipt earned.
	 */
	@ApplicationModuleListener
	void on(DonationReceived event) {
		if (event.correctsId() != null) {
			writer.reverse(PointAction.DONATION_GIVEN.sourceType(), event.correctsId(), null, clock.instant());
		}
		else if (event.moneyFen() + event.goodsFen() > 0) {
			Long credited = event.donorOrgId() != null ? event.donorOrgId() : event.orgId();
			award(PointAction.DONATION_GIVEN, credited, event.receiptId(), "", startOf(event.receivedOn()));
		}
	}

	/**
	 * Money delivered to a pairing's project: the project earns once (later payments write nothing),
	 * for the organisation responsible and for each chamber of the pairing — the occurrence names the
	 * organisation credited. A correction does not take it back: the project did deliver.
	 */
	@ApplicationModuleListener
	void on(PairingProjectDelivered event) {
		if (event.amountFen() <= 0) {
			return;
		}
		for (Long credited : credited(event.orgId(), event.chamberIds())) {
			award(PointAction.WELFARE_DELIVERED, credited, event.projectId(), credited.toString(), startOf(event.paidOn()));
		}
	}

	/** An honour awarded to a member: the member's organisation earns the points. */
	@ApplicationModuleListener
	void on(HonourAwarded event) {
		award(PointAction.HONOUR_AWARDED, lastId(event.awardeeOrgPath()), event.awardId(), "",
				startOf(event.awardedOn()));
	}

	@ApplicationModuleListener
	void on(HonourRevoked event) {
		writer.reverse(PointAction.HONOUR_AWARDED.sourceType(), event.awardId(), null, clock.instant());
	}

	/** An organisation recognised at a level of an evaluation: it earns the points, once per recognition. */
	@ApplicationModuleListener
	void on(RecognitionGranted event) {
		award(PointAction.RECOGNITION_GRANTED, event.orgId(), event.recognitionId(), "", startOf(event.grantedOn()));
	}

	@ApplicationModuleListener
	void on(RecognitionWithdrawn event) {
		writer.reverse(PointAction.RECOGNITION_GRANTED.sourceType(), event.recognitionId(), null, clock.instant());
	}

	private void award(PointAction action, Long orgId, Long sourceId, String occurrence, Instant at) {
		// the listener runs without a sign-in: the organisation's level and path are public, read regardless of scope
		Optional<OrganizationSummary> found = organizations.findActiveUnscoped(orgId);
		if (found.isEmpty()) {
			return;
		}
		String path = found.get().path();
		PointLevel level = PointLevel.of(found.get());
		List<PointWriter.Source> source = List.of(new PointWriter.Source(orgId, path, level, sourceId, occurrence, at));
		for (PointRule rule : rules.scoring(action, path, level)) {
			writer.award(rule, source, false);
		}
	}

	/** The organisation responsible for a pairing and the pairing's chambers, each once. */
	static List<Long> credited(Long responsible, List<Long> chambers) {
		Set<Long> credited = new LinkedHashSet<>();
		credited.add(responsible);
		credited.addAll(chambers);
		return List.copyOf(credited);
	}

	/** The organisation a materialised path ('/1/7/23/') ends with. */
	static Long lastId(String path) {
		String[] ids = path.split("/");
		return Long.valueOf(ids[ids.length - 1]);
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ChinaTime.ZONE).toInstant();
	}

}
