package org.chamberlink.notification.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboxNavigation {

	@Bean
	NavigationItem outboxNavigationItem() {
		return NavigationItem.forRoles(NavigationSection.SYSTEM, "nav.outbox", "/notifications", 900, "SYSTEM_ADMIN");
	}

}
