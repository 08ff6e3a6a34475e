package org.chamberlink.activity.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The member portal's activities, and the staff page of the organisation's calendar link. */
@Configuration(proxyBeanMethods = false)
class ActivityPortalNavigation {

	@Bean
	NavigationItem portalActivitiesNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalActivities", "/portal/activities", 18, "MEMBER");
	}

	@Bean
	NavigationItem activityFeedsNavigation() {
		return NavigationItem.forRoles(NavigationSection.ACTIVITIES, "nav.activityFeeds", "/activities/feeds", 190, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

}
