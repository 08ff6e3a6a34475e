package org.chamberlink.points.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PointsNavigation {

	@Bean
	NavigationItem pointsRankingNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.points", "/points", 300, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem pointsClaimsNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.points.claims", "/points/claims", 310, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem pointsRulesNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.points.rules", "/points/rules", 320, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

}
