package org.chamberlink.activity.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActivityNavigation {

	@Bean
	NavigationItem activityListNavigation() {
		return NavigationItem.forRoles(NavigationSection.ACTIVITIES, "nav.activities", "/activities", 200, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

}
