package org.chamberlink.investment.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InvestmentNavigation {

	private static final String[] READERS = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem investmentProjectsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.investmentProjects", "/investment/projects", 185, READERS);
	}

	@Bean
	NavigationItem investmentFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.investmentFigures", "/figures/investment", 186, READERS);
	}

}
