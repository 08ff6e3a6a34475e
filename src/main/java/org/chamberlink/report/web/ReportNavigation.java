package org.chamberlink.report.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportNavigation {

	@Bean
	NavigationItem reportReturnNavigation() {
		return NavigationItem.forRoles(NavigationSection.REPORTS, "nav.reports", "/reports", 100, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	/** The annual work report's templates per level (decision 52): the system administrator's. */
	@Bean
	NavigationItem reportTemplateNavigation() {
		return NavigationItem.forRoles(NavigationSection.REPORTS, "nav.reportTemplates", "/reports/templates", 110, "SYSTEM_ADMIN");
	}

}
