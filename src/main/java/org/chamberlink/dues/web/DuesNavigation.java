package org.chamberlink.dues.web;

import java.util.Set;

import org.chamberlink.web.DashboardPanel;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DuesNavigation {

	@Bean
	NavigationItem duesListNavigation() {
		return NavigationItem.forRoles(NavigationSection.DUES, "nav.dues", "/dues", 140, "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN",
				"STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem duesFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.DUES, "nav.duesFigures", "/figures/dues", 150, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	DashboardPanel duesCollectionPanel() {
		return new DashboardPanel("dashboard.duesCollection", "/dues/panels/collection", 96,
				Set.of("FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR"));
	}

	@Bean
	NavigationItem portalDuesNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalDues", "/portal/dues", 20, "MEMBER");
	}

}
