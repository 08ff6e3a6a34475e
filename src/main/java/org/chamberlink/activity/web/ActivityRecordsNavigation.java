package org.chamberlink.activity.web;

import java.util.Set;

import org.chamberlink.web.DashboardPanel;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sidebar's entries for an activity's records — the ledger, the figures, the meeting rule — and the dashboard's panel. */
@Configuration(proxyBeanMethods = false)
class ActivityRecordsNavigation {

	@Bean
	NavigationItem activityLedgerNavigation() {
		return NavigationItem.forRoles(NavigationSection.ACTIVITIES, "nav.activityLedger", "/activities/ledger", 230, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem activityFiguresNavigation() {
		return NavigationItem.forRoles(NavigationSection.ACTIVITIES, "nav.activityFigures", "/figures/activities", 240,
				"SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem activitySettingsNavigation() {
		return NavigationItem.forRoles(NavigationSection.ACTIVITIES, "nav.activitySettings", "/activities/settings", 250,
				"SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN");
	}

	@Bean
	DashboardPanel activitySummaryPanel() {
		return new DashboardPanel("dashboard.activities", "/activities/panels/summary", 98,
				Set.of("FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR"));
	}

}
