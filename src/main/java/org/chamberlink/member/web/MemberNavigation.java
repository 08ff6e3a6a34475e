package org.chamberlink.member.web;

import org.chamberlink.web.DashboardPanel;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemberNavigation {

	@Bean
	NavigationItem membersNavigation() {
		return NavigationItem.forRoles(NavigationSection.MEMBERS, "nav.members", "/members", 120, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem memberFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.MEMBERS, "nav.memberFigures", "/figures/members", 130, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	DashboardPanel memberStructurePanel() {
		return new DashboardPanel("dashboard.memberStructure", "/members/panels/structure", 95,
				java.util.Set.of("FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR"));
	}

	@Bean
	NavigationItem portalNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portal", "/portal", 10, "MEMBER");
	}

}
