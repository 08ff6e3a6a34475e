package org.chamberlink.welfare.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sidebar's WELFARE section: villages, pairings, donation campaigns, support agreements, figures. */
@Configuration(proxyBeanMethods = false)
class WelfareNavigation {

	private static final String[] READERS = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem welfareVillagesNavigation() {
		return NavigationItem.forRoles(NavigationSection.WELFARE, "nav.welfareVillages", "/welfare/villages", 310, READERS);
	}

	@Bean
	NavigationItem welfarePairingsNavigation() {
		return NavigationItem.forRoles(NavigationSection.WELFARE, "nav.welfarePairings", "/welfare/pairings", 320, READERS);
	}

	@Bean
	NavigationItem welfareCampaignsNavigation() {
		return NavigationItem.forRoles(NavigationSection.WELFARE, "nav.welfareCampaigns", "/welfare/campaigns", 330, READERS);
	}

	@Bean
	NavigationItem welfareAgreementsNavigation() {
		return NavigationItem.forRoles(NavigationSection.WELFARE, "nav.welfareAgreements", "/welfare/agreements", 340, READERS);
	}

	@Bean
	NavigationItem welfareFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.WELFARE, "nav.welfareFigures", "/figures/welfare", 350, READERS);
	}

}
