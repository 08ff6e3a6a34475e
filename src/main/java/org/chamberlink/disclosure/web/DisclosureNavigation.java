package org.chamberlink.disclosure.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 三公开 in the sidebar's ORGANIZATIONS section (the disclosures and the board); the member's reading in the portal. */
@Configuration(proxyBeanMethods = false)
class DisclosureNavigation {

	private static final String[] READERS = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem disclosuresNavigation() {
		return NavigationItem.forRoles(NavigationSection.ORGANIZATIONS, "nav.disclosures", "/disclosures", 120, READERS);
	}

	@Bean
	NavigationItem disclosureBoardNavigation() {
		return NavigationItem.forRoles(NavigationSection.ORGANIZATIONS, "nav.disclosureBoard", "/disclosures/board", 121, READERS);
	}

	@Bean
	NavigationItem portalDisclosuresNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalDisclosures", "/portal/disclosures", 26, "MEMBER");
	}

}
