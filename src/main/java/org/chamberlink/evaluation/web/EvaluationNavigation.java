package org.chamberlink.evaluation.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The EVALUATIONS section: campaigns, recognitions, one's own honours, schemes and figures. */
@Configuration(proxyBeanMethods = false)
class EvaluationNavigation {

	private static final String[] READERS = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem evaluationCampaignsNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.evaluations", "/evaluations", 300, READERS);
	}

	@Bean
	NavigationItem evaluationRecognitionsNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.evaluationRecognitions", "/evaluations/recognitions", 310,
				READERS);
	}

	@Bean
	NavigationItem evaluationHonoursNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.evaluationHonours", "/evaluations/honours", 320, READERS);
	}

	@Bean
	NavigationItem evaluationSchemesNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.evaluationSchemes", "/evaluations/schemes", 330, READERS);
	}

	@Bean
	NavigationItem evaluationFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.EVALUATIONS, "nav.evaluationFigures", "/figures/evaluations", 340, READERS);
	}

}
