package org.chamberlink.notification.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.util.List;

import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutboxStatus;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The outbox page for the system administrator: what was sent, what waits, what failed and why. */
@Controller
@PreAuthorize(RoleGroups.SYSTEM)
class OutboxController {

	static final int PAGE_SIZE = PageSizes.LOG;

	private final Notifications notifications;

	OutboxController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String page(@RequestParam(required = false) OutboxStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("status", status);
		model.addAttribute("messages", notifications.search(status, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("statuses", List.of(OutboxStatus.values()));
		return "notification/outbox";
	}

}
