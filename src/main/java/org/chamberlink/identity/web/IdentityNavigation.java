package org.chamberlink.identity.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

	@Bean
	NavigationItem accountNavigationItem() {
		return NavigationItem.forEveryone(NavigationSection.ACCOUNT, "nav.account", "/account", 900);
	}

}
