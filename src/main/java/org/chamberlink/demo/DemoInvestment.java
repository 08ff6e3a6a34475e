package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chamberlink.investment.InvestmentProjects;
import org.chamberlink.investment.InvestmentStage;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.shared.ChinaTime;

import org.springframework.stereotype.Component;

/**
 * Investment projects for the demo (seed 000): 68 projects of the county this year across the five
 * stages, industries and provinces of origin, 40 of them signed or beyond for ¥4,600,000,000.00
 * contracted, each with its dated stage history.
 */
@Component
class DemoInvestment {

	private static final String[] INDUSTRIES = { "C", "38", "39", "E", "I", "F", "G", "A" };

	private static final String[][] ORIGINS = { { "4403", "深圳" }, { "3301", "杭州" }, { "31", "上海" }, { "11", "北京" },
			{ "3205", "苏州" }, { "1301", "石家庄" }, { "3702", "青岛" } };

	private static final String[] KINDS = { "新能源装备", "智能制造", "冷链物流", "数字经济产业园", "食品精深加工", "新材料", "文旅综合体",
			"现代农业示范园" };

	private final InvestmentProjects projects;

	private final Clock clock;

	DemoInvestment(InvestmentProjects projects, Clock clock) {
		this.projects = projects;
		this.clock = clock;
	}

	void fill(OrganizationSummary county, List<OrganizationSummary> chambers, List<Long> members) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate start = today.withDayOfYear(1);
		long span = ChronoUnit.DAYS.between(start, today);
		for (int i = 0; i < 68; i++) {
			// 40 signed or beyond (8 producing, 12 started, 20 signed), 16 negotiating, 12 leads
			InvestmentStage stage = i < 8 ? InvestmentStage.PRODUCING : i < 20 ? InvestmentStage.STARTED : i < 40 ? InvestmentStage.SIGNED
					: i < 56 ? InvestmentStage.NEGOTIATING : InvestmentStage.LEAD;
			// contracted: 115 million on average, pairs offset so the 40 make ¥4,600,000,000 exactly
			long contracted = 115_000_000L + (i % 2 == 0 ? 1 : -1) * (i / 2 % 5) * 10_000_000L;
			String[] origin = ORIGINS[i % ORIGINS.length];
			OrganizationSummary org = i % 3 == 0 || chambers.isEmpty() ? county : chambers.get(i % chambers.size());
			boolean member = i % 6 == 0 && !members.isEmpty();
			LocalDate lead = start.plusDays(span * (i % 17) / 40);
			Long id = projects.create(new InvestmentProjects.ProjectForm(org.id(), origin[1] + KINDS[i % KINDS.length] + "项目（" + (i + 1) + "）",
					INDUSTRIES[i % INDUSTRIES.length], member ? members.get(i % members.size()) : null,
					member ? null : origin[1] + KINDS[i % KINDS.length].substring(0, 2) + "投资有限公司", origin[0],
					Long.toString(contracted + 20_000_000L), null, null, lead));
			LocalDate on = lead;
			for (InvestmentStage next = InvestmentStage.NEGOTIATING; next != null && next.compareTo(stage) <= 0; next = next.next()) {
				on = on.plusDays(Math.max(0, ChronoUnit.DAYS.between(on, today)) / 3);
				boolean signing = next == InvestmentStage.SIGNED;
				long invested = next == InvestmentStage.STARTED ? contracted / 4 : next == InvestmentStage.PRODUCING ? contracted * 3 / 4 : 0;
				projects.move(id, new InvestmentProjects.MoveForm(next, on, signing ? "签约仪式" : null,
						signing ? Long.toString(contracted) : null, invested > 0 ? Long.toString(invested) : null));
			}
		}
	}

}
