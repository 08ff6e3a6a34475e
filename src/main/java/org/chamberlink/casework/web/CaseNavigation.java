package org.chamberlink.casework.web;

import java.util.Set;

import org.chamberlink.web.DashboardPanel;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseNavigation {

	@Bean
	NavigationItem caseListNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.cases", "/cases", 160, "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN",
				"STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem visitNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.visits", "/visits", 165, "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN",
				"STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem caseFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.caseFigures", "/figures/cases", 170, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem caseSettingsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.caseSettings", "/cases/settings", 175, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN");
	}

	@Bean
	DashboardPanel caseSummaryPanel() {
		return new DashboardPanel("dashboard.cases", "/cases/panels/summary", 97,
				Set.of("FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR"));
	}

	@Bean
	NavigationItem portalCasesNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalCases", "/portal/cases", 15, "MEMBER");
	}

}
