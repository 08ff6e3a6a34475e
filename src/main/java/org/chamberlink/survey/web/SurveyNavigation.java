package org.chamberlink.survey.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SurveyNavigation {

	@Bean
	NavigationItem surveyListNavigation() {
		return NavigationItem.forRoles(NavigationSection.NOTICES, "nav.surveys", "/surveys", 300, "SYSTEM_ADMIN", "FEDERATION_ADMIN",
				"CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem portalSurveysNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalSurveys", "/portal/surveys", 19, "MEMBER");
	}

}
