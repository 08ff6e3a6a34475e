package org.chamberlink.member.web;

import org.chamberlink.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemberNavigation {

	@Bean
	NavigationItem membersNavigation() {
		return NavigationItem.forRoles("nav.members", "/members", 120, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem portalNavigation() {
		return NavigationItem.forRoles("nav.portal", "/portal", 10, "MEMBER");
	}

}
