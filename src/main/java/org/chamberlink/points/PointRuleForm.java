package org.chamberlink.points;

/**
 * A rule as typed: the organising federation (the caller's own when empty), name, category,
 * action, points per occurrence, yearly cap per organisation (empty: none) and the level it applies to.
 */
public record PointRuleForm(Long orgId, String name, PointCategory category, PointAction action, Integer points,
		Integer yearlyCap, PointLevel appliesTo) {

	public static PointRuleForm of(PointPreset preset, String name) {
		return new PointRuleForm(null, name, preset.category(), preset.action(), preset.points(), preset.yearlyCap(),
				PointLevel.CHAMBER);
	}

	public static PointRuleForm empty() {
		return new PointRuleForm(null, null, null, null, null, null, PointLevel.CHAMBER);
	}

}
