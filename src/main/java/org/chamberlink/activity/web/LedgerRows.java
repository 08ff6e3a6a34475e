package org.chamberlink.activity.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.activity.ActivityStatus;
import org.chamberlink.activity.ActivityTotals.KindGroup;
import org.chamberlink.activity.ActivityView;

/**
 * An organisation's ledger (台帐) of a year as its page, print view and export show it: a row per
 * activity in date order, and the totals above them — held by kind, person-times, held without
 * minutes, cancelled.
 */
record LedgerRows(List<Row> rows, Map<KindGroup, Long> heldByKind, long held, long personTimes, long missingMinutes,
		long cancelled) {

	/**
	 * One activity of the ledger.
	 *
	 * @param registered registered beforehand: seats taken less the walk-ins, who took theirs at the door
	 * @param minutesKey the message of the minutes column: present, missing (held without them) or not due
	 * @param quorumKey the message of the quorum column; null for an activity that is no governance meeting
	 */
	record Row(int number, ActivityView activity, int registered, boolean minutesMissing, String minutesKey,
			String quorumKey) {

		public LocalDateTime starts() {
			return activity.startsLocal();
		}

		public boolean quorumFailed() {
			return Boolean.FALSE.equals(activity.quorumMet());
		}

	}

	static LedgerRows of(List<ActivityView> activities) {
		Map<KindGroup, Long> byKind = new EnumMap<>(KindGroup.class);
		for (KindGroup group : KindGroup.values()) {
			byKind.put(group, 0L);
		}
		List<Row> rows = new ArrayList<>();
		long held = 0;
		long personTimes = 0;
		long missing = 0;
		long cancelled = 0;
		for (ActivityView activity : activities) {
			boolean took = activity.status().took();
			if (took) {
				held++;
				byKind.merge(KindGroup.of(activity.kind()), 1L, Long::sum);
				personTimes += activity.attended();
				if (!activity.hasMinutes()) {
					missing++;
				}
			}
			else if (activity.status() == ActivityStatus.CANCELLED) {
				cancelled++;
			}
			rows.add(new Row(rows.size() + 1, activity,
					activity.registeredBeforehand(), took && !activity.hasMinutes(),
					activity.hasMinutes() ? "activity.ledger.minutesPresent"
							: took ? "activity.ledger.minutesMissing" : "activity.ledger.minutesNotDue",
					!activity.kind().governance() ? null
							: activity.quorumMet() == null ? "activity.ledger.quorumUnknown"
									: activity.quorumMet() ? "activity.ledger.quorumMet" : "activity.ledger.quorumNotMet"));
		}
		return new LedgerRows(rows, byKind, held, personTimes, missing, cancelled);
	}

}
