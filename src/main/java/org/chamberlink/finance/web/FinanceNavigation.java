package org.chamberlink.finance.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FinanceNavigation {

	private static final String[] READERS = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem financeReferralsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.financeReferrals", "/finance/referrals", 180, READERS);
	}

	@Bean
	NavigationItem financeAgreementsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.financeAgreements", "/finance/agreements", 181, READERS);
	}

	@Bean
	NavigationItem financeFundsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.financeFunds", "/finance/funds", 182, READERS);
	}

	@Bean
	NavigationItem financeFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.financeFigures", "/figures/finance", 183, READERS);
	}

	@Bean
	NavigationItem portalLoansNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalLoans", "/portal/loans", 30, "MEMBER");
	}

}
