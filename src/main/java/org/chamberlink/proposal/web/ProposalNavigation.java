package org.chamberlink.proposal.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Suggestions and proposals in the sidebar's SERVICES section; the member's suggestions in the portal. */
@Configuration(proxyBeanMethods = false)
class ProposalNavigation {

	private static final String[] READERS = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem proposalSuggestionsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.proposalSuggestions", "/proposals/suggestions", 410, READERS);
	}

	@Bean
	NavigationItem proposalsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.proposals", "/proposals", 420, READERS);
	}

	@Bean
	NavigationItem proposalFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.proposalFigures", "/figures/proposals", 430, READERS);
	}

	@Bean
	NavigationItem portalSuggestionsNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalSuggestions", "/portal/suggestions", 24, "MEMBER");
	}

}
