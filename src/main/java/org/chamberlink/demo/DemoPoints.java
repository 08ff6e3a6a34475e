package org.chamberlink.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.points.PointAction;
import org.chamberlink.points.PointBackfill;
import org.chamberlink.points.PointClaims;
import org.chamberlink.points.PointPreset;
import org.chamberlink.points.PointRuleForm;
import org.chamberlink.points.PointRules;
import org.chamberlink.shared.ChinaTime;

import org.springframework.stereotype.Component;

/**
 * Points for the demo: the city federation adopts seed 003's presets; its automatic rules are
 * back-filled over this year from the demo cases, visits, activities and dues payments (what the
 * events bring from now on), so the rankings and each chamber's "why" are filled in; one chamber's
 * claim for investment brought in waits for the county's decision.
 */
@Component
class DemoPoints {

	private final PointRules rules;

	private final PointBackfill backfill;

	private final PointClaims claims;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	DemoPoints(PointRules rules, PointBackfill backfill, PointClaims claims, Clock clock,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.rules = rules;
		this.backfill = backfill;
		this.claims = claims;
		this.clock = clock;
	}

	/** The city's rules from every preset, back-filled; a pending claim of {@code chamber}. */
	void fill(OrganizationSummary city, OrganizationSummary chamber) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		Long investment = null;
		for (PointPreset preset : PointPreset.values()) {
			PointRuleForm form = PointRuleForm.of(preset, messages.getMessage("pointPreset." + preset.name(), null, java.util.Locale.SIMPLIFIED_CHINESE));
			Long id = rules.create(new PointRuleForm(city.id(), form.name(), form.category(), form.action(), form.points(),
					form.yearlyCap(), form.appliesTo()));
			if (preset.action() != PointAction.MANUAL) {
				backfill.run(id, today.withDayOfYear(1), today);
			}
			if (preset == PointPreset.INVESTMENT) {
				investment = id;
			}
		}
		if (chamber != null && investment != null) {
			claims.submit(new PointClaims.ClaimForm(chamber.id(), investment, "引进食品加工项目一个，协议投资 3,000 万元，已签约落地。",
					today.minusDays(10)), new PointClaims.Evidence("招商引资协议.txt", "text/plain",
							"招商引资协议（摘要）\n甲方：……乙方：……协议投资额 3,000 万元。".getBytes(StandardCharsets.UTF_8)));
		}
	}

}
