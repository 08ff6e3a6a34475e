package org.chamberlink.points;

/**
 * Ready-made rules from seed 003's items (服务会员、服务经济发展、诚信守法、党建引领、参与社会治理、
 * 推动招商引资、助力乡村振兴、助力疫情防控): a federation adopts one as its own rule and may change it.
 * The name is the bundle's {@code pointPreset.NAME}.
 */
public enum PointPreset {

	CASES_SATISFIED(PointCategory.SERVING_MEMBERS, PointAction.CASE_SATISFIED, 5, 100),
	MEMBER_VISITS(PointCategory.SERVING_MEMBERS, PointAction.VISIT_COMPLETED, 2, 60),
	ACTIVITIES_HELD(PointCategory.SERVING_MEMBERS, PointAction.ACTIVITY_HELD, 3, 60),
	DUES_COLLECTED(PointCategory.INTEGRITY, PointAction.DUES_PAID, 1, 30),
	SERVING_ECONOMY(PointCategory.SERVING_ECONOMY, PointAction.MANUAL, 10, 50),
	INTEGRITY(PointCategory.INTEGRITY, PointAction.MANUAL, 5, 20),
	PARTY_BUILDING(PointCategory.PARTY_BUILDING, PointAction.MANUAL, 10, 40),
	SOCIAL_GOVERNANCE(PointCategory.SOCIAL_GOVERNANCE, PointAction.MANUAL, 5, 30),
	INVESTMENT(PointCategory.INVESTMENT, PointAction.MANUAL, 20, 100),
	RURAL_REVITALISATION(PointCategory.RURAL_REVITALISATION, PointAction.MANUAL, 10, 50),
	EPIDEMIC(PointCategory.EPIDEMIC, PointAction.MANUAL, 10, 30),
	WELFARE_PROJECTS(PointCategory.RURAL_REVITALISATION, PointAction.WELFARE_DELIVERED, 10, 50),
	DONATIONS(PointCategory.SOCIAL_GOVERNANCE, PointAction.DONATION_GIVEN, 2, 30),
	HONOURS(PointCategory.INTEGRITY, PointAction.HONOUR_AWARDED, 5, 30),
	RECOGNITIONS(PointCategory.INTEGRITY, PointAction.RECOGNITION_GRANTED, 20, 80);

	private final PointCategory category;

	private final PointAction action;

	private final int points;

	private final int yearlyCap;

	PointPreset(PointCategory category, PointAction action, int points, int yearlyCap) {
		this.category = category;
		this.action = action;
		this.points = points;
		this.yearlyCap = yearlyCap;
	}

	public PointCategory category() {
		return category;
	}

	public PointAction action() {
		return action;
	}

	public int points() {
		return points;
	}

	public int yearlyCap() {
		return yearlyCap;
	}

}
