package org.chamberlink.organization.web;

import java.util.Set;

import org.chamberlink.web.DashboardPanel;
import org.chamberlink.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

	@Bean
	NavigationItem organizationsNavigationItem() {
		return NavigationItem.forEveryone("nav.organizations", "/organizations", 100);
	}

	@Bean
	NavigationItem figuresNavigationItem() {
		return NavigationItem.forEveryone("nav.figures", "/figures/organizations", 110);
	}

	@Bean
	DashboardPanel renewalsDuePanel() {
		return new DashboardPanel("dashboard.renewalsDue", "/organizations/panels/renewals-due", 100, Set.of());
	}

	@Bean
	DashboardPanel organizationFiguresPanel() {
		return new DashboardPanel("dashboard.organizationFigures", "/organizations/panels/figures", 90, Set.of());
	}

}
