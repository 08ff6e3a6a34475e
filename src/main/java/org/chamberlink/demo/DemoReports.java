package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.report.StatisticalReturns;
import org.chamberlink.report.WorkReports;
import org.chamberlink.shared.ChinaTime;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * This year's statistical return of the county's first township chamber (decision 44): pre-filled
 * from its demo records, its staff typed in, submitted and accepted by the county, so the county's
 * board shows it accepted and the county's own return, when opened, consolidates it; its annual
 * work report's sections are written (decision 52).
 */
@Component
class DemoReports {

	private final StatisticalReturns returns;

	private final WorkReports reports;

	private final AccountManagement accounts;

	private final Clock clock;

	DemoReports(StatisticalReturns returns, WorkReports reports, AccountManagement accounts, Clock clock) {
		this.returns = returns;
		this.reports = reports;
		this.accounts = accounts;
		this.clock = clock;
	}

	void fill(String countyLogin, String chamberLogin) {
		int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
		Long[] id = new Long[1];
		as(chamberLogin, () -> {
			id[0] = returns.open(year, null);
			returns.save(id[0], Map.of("org.staff", "4", "org.staffFullTime", "2", "org.staffPartTime", "2", "org.staffGovFunded", "1",
					"org.fiveHas", "1", "mem.joined", "3", "mem.left", "0"), Map.of());
			returns.submit(id[0], Map.of());
			// the annual work report's sections (decision 52), in the seeds' words
			reports.saveNarratives(id[0], Map.of(
					"achievements", "坚持党建引领，商会党支部按期换届，组织会员企业开展“万企兴万村”结对帮扶。\n"
							+ "深化会员服务，全年走访会员企业，协调解决融资、用工等诉求，满意率保持在较高水平。",
					"experience", "服务是商会的生命线，只有把会员的事当作自己的事，商会才有凝聚力。",
					"problems", "会费收缴不够及时，部分会员参与活动积极性不高；专职工作人员偏少。",
					"nextGoals", "按照“五有”标准推进规范化建设，拓展融资对接和法律服务，力争会员数稳步增长。"));
		});
		as(countyLogin, () -> returns.accept(id[0]));
	}

	private void as(String username, Runnable step) {
		SecurityContext previous = SecurityContextHolder.getContext();
		AccountPrincipal account = accounts.findByUsername(username).orElseThrow();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			step.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
