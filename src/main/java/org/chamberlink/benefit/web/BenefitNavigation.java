package org.chamberlink.benefit.web;

import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Partner merchants and card figures in the SERVICES section for staff; the member card in the
 * portal; a merchant's till sees its one page alone.
 */
@Configuration(proxyBeanMethods = false)
class BenefitNavigation {

	private static final String[] READERS = { "SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR" };

	@Bean
	NavigationItem benefitMerchantsNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.benefitMerchants", "/benefit/merchants", 180, READERS);
	}

	@Bean
	NavigationItem benefitFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.SERVICES, "nav.benefitFigures", "/figures/benefit", 185, READERS);
	}

	@Bean
	NavigationItem portalCardNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalCard", "/portal/card", 12, "MEMBER");
	}

	@Bean
	NavigationItem merchantTillNavigation() {
		return NavigationItem.forRoles(NavigationSection.HOME, "nav.merchantTill", "/merchant", 1, "MERCHANT");
	}

}
