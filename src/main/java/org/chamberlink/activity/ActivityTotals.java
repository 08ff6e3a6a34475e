package org.chamberlink.activity;

import org.chamberlink.shared.Rate;

/**
 * The activities of a subtree (or of a node's own level, or of one organisation below it) that took
 * place in a period, as {@link ActivityFigures} counts them.
 *
 * @param held activities held (status held or closed) whose start lies in the period
 * @param governance of them governance meetings (会员大会, 理事会, 常务理事会, 会长办公会)
 * @param personTimes everyone checked in, summed over the activities (人次)
 * @param registered registered beforehand: seats taken less the walk-ins (who took theirs at the door)
 * @param registeredAttended of those registered beforehand, how many came
 * @param membersReached distinct members (parties) checked in at any of them: within this row, so
 * the rows below a node need not add up to the node's; null where not counted ({@link ActivityFigures#counts})
 * @param governanceWithQuorum governance meetings whose minutes found the quorum
 * @param organizations active organisations of the subtree (of the own level: the node itself)
 * @param organizationsWithout of them, those that held no activity in the period
 */
public record ActivityTotals(Long orgId, String orgName, long held, long governance, long trainings, long forums,
		long exhibitions, long studyTours, long cultureSports, long charity, long other, long personTimes, long registered,
		long registeredAttended, Long membersReached, long governanceWithQuorum, long governanceWithMinutes, long organizations,
		long organizationsWithout) {

	/** Attendance rate: registered who came ÷ registered, truncated to two decimals. */
	public Rate attendanceRate() {
		return Rate.of(registeredAttended, registered);
	}

	/** Governance meetings with quorum ÷ governance meetings held. */
	public Rate quorumRate() {
		return Rate.of(governanceWithQuorum, governance);
	}

	/** Organisations that held no activity ÷ organisations of the subtree. */
	public Rate idleShare() {
		return Rate.of(organizationsWithout, organizations);
	}

	/** Held, by kind as the figures group them (the four governance meetings as one). */
	public long of(KindGroup group) {
		return switch (group) {
			case GOVERNANCE -> governance;
			case TRAINING -> trainings;
			case FORUM -> forums;
			case EXHIBITION -> exhibitions;
			case STUDY_TOUR -> studyTours;
			case CULTURE_SPORTS -> cultureSports;
			case CHARITY -> charity;
			case OTHER -> other;
		};
	}

	ActivityTotals named(Long id, String name) {
		return new ActivityTotals(id, name, held, governance, trainings, forums, exhibitions, studyTours, cultureSports,
				charity, other, personTimes, registered, registeredAttended, membersReached, governanceWithQuorum,
				governanceWithMinutes, organizations, organizationsWithout);
	}

	ActivityTotals withMembers(Long members) {
		return new ActivityTotals(orgId, orgName, held, governance, trainings, forums, exhibitions, studyTours, cultureSports,
				charity, other, personTimes, registered, registeredAttended, members, governanceWithQuorum, governanceWithMinutes,
				organizations, organizationsWithout);
	}

	ActivityTotals withOrganizations(long all, long without) {
		return new ActivityTotals(orgId, orgName, held, governance, trainings, forums, exhibitions, studyTours, cultureSports,
				charity, other, personTimes, registered, registeredAttended, membersReached, governanceWithQuorum, governanceWithMinutes, all,
				without);
	}

	static ActivityTotals none(Long orgId, String orgName) {
		return new ActivityTotals(orgId, orgName, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0);
	}

	/** The kinds as figures and the ledger's totals group them: the governance meetings as one. */
	public enum KindGroup {

		GOVERNANCE, TRAINING, FORUM, EXHIBITION, STUDY_TOUR, CULTURE_SPORTS, CHARITY, OTHER;

		public static KindGroup of(ActivityKind kind) {
			return kind.governance() ? GOVERNANCE : valueOf(kind.name());
		}

	}

}
