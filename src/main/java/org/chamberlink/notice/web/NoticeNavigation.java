package org.chamberlink.notice.web;

import java.util.Set;

import org.chamberlink.web.DashboardPanel;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sidebar's NOTICES section (the inbox, what was sent), the portal's notices, and the dashboard's inbox panel. */
@Configuration(proxyBeanMethods = false)
class NoticeNavigation {

	@Bean
	NavigationItem noticeInboxNavigation() {
		return NavigationItem.forRoles(NavigationSection.NOTICES, "nav.noticeInbox", "/notices/inbox", 300, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem noticeSentNavigation() {
		return NavigationItem.forRoles(NavigationSection.NOTICES, "nav.noticesSent", "/notices", 310, "SYSTEM_ADMIN",
				"FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");
	}

	@Bean
	NavigationItem portalNoticesNavigation() {
		return NavigationItem.forRoles(NavigationSection.PORTAL, "nav.portalNotices", "/portal/notices", 12, "MEMBER");
	}

	@Bean
	DashboardPanel noticeInboxPanel() {
		return new DashboardPanel("dashboard.notices", "/notices/panels/inbox", 5,
				Set.of("FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR"));
	}

}
