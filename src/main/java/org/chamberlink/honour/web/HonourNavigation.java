package org.chamberlink.honour.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Honours in the EVALUATIONS section (评价表彰) for staff, and the member's own in the portal. */
@Configuration(proxyBeanMethods = false)
class HonourNavigation {

	@Bean
	NavigationItem honourListNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.honours", "/honours", 100, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem honourFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.honourFigures", "/figures/honours", 110, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem portalHonoursNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalHonours", "/portal/honours", 19, "MEMBER");
	}

}
