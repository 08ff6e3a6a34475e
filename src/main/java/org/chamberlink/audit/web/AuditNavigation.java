package org.chamberlink.audit.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

	@Bean
	NavigationItem auditLogNavigationItem() {
		return NavigationItem.forRoles(NavigationSection.SYSTEM, "nav.audit", "/admin/audit", 950, "SYSTEM_ADMIN");
	}

}
