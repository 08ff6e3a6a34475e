package org.chamberlink.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.report.StatisticalReturns;
import org.chamberlink.shared.ChinaTime;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * This year's statistical return of the county's first township chamber (decision 44): pre-filled
 * from its demo records, its staff typed in, submitted and accepted by the county, so the county's
 * board shows it accepted and the county's own return, when opened, consolidates it.
 */
@Component
class DemoReports {

	private final StatisticalReturns returns;

	private final AccountManagement accounts;

	private final Clock clock;

	DemoReports(StatisticalReturns returns, AccountManagement accounts, Clock clock) {
		this.returns = returns;
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
