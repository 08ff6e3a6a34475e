package org.chamberlink.activity.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The member portal's activities. The staff page of the organisation's calendar link
 * ({@code /activities/feeds}) is reached from the staff's activity pages.
 */
@Configuration(proxyBeanMethods = false)
class ActivityPortalNavigation {

	@Bean
	NavigationItem portalActivitiesNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalActivities", "/portal/activities", 18, "MEMBER");
	}

}
