package org.chamberlink.honour.web;

import java.util.Set;

import org.chamberlink.web.DetailPanel;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Honours in the EVALUATIONS section (评价表彰) for staff, the member's own in the portal, and the
 * honour roll as a panel on the member's and the organisation's pages (decision 0046).
 */
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

	@Bean
	DetailPanel memberHonourRollPanel() {
		return new DetailPanel(DetailPanel.MEMBER, "honour.roll.title", "/honours/roll/member/{id}", 50,
				Set.of("SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR"));
	}

	@Bean
	DetailPanel organizationHonourRollPanel() {
		return new DetailPanel(DetailPanel.ORGANIZATION, "honour.roll.title", "/honours/roll/organization/{id}", 50,
				Set.of("SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR"));
	}

}
