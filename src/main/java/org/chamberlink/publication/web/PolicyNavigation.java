package org.chamberlink.publication.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyNavigation {

	@Bean
	NavigationItem policyLibraryNavigation() {
		return NavigationItem.forRoles(NavigationSection.NOTICES, "nav.policies", "/policies", 400, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem publicationsNavigation() {
		return NavigationItem.forRoles(NavigationSection.NOTICES, "nav.publications", "/publications", 500, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem portalPublicationsNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalPublications", "/portal/publications", 22, "MEMBER");
	}

	@Bean
	NavigationItem portalPoliciesNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalPolicies", "/portal/policies", 21, "MEMBER");
	}

}
