package org.chamberlink.organization.web;

import java.util.Set;

import org.chamberlink.web.DashboardPanel;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

	/** Everyone but members: a member's own pages are in the member portal. */
	static final String[] STAFF_ROLES = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem organizationsNavigationItem() {
		return NavigationItem.forRoles(NavigationSection.ORGANIZATIONS, "nav.organizations", "/organizations", 100, STAFF_ROLES);
	}

	@Bean
	NavigationItem figuresNavigationItem() {
		return NavigationItem.forRoles(NavigationSection.ORGANIZATIONS, "nav.figures", "/figures/organizations", 110, STAFF_ROLES);
	}

	@Bean
	DashboardPanel renewalsDuePanel() {
		return new DashboardPanel("dashboard.renewalsDue", "/organizations/panels/renewals-due", 100, Set.of(STAFF_ROLES));
	}

	@Bean
	DashboardPanel organizationFiguresPanel() {
		return new DashboardPanel("dashboard.organizationFigures", "/organizations/panels/figures", 90, Set.of(STAFF_ROLES));
	}

}
