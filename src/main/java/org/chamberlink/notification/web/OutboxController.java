package org.chamberlink.notification.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutboxMessage;
import org.chamberlink.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The outbox for the system administrator: what was sent, what waits, what failed and why. */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class OutboxController {

	private final Notifications notifications;

	OutboxController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String page(@RequestParam(required = false) String status, Model model) {
		model.addAttribute("status", status == null || status.isBlank() ? null : status);
		model.addAttribute("messages", notifications.recent(status == null || status.isBlank() ? null : status, 200));
		model.addAttribute("statuses", List.of("PENDING", "SENDING", "SENT", "LOGGED", "FAILED", "DEAD"));
		return "notification/outbox";
	}

	@GetMapping("/api/v1/notifications")
	@ResponseBody
	@Operation(summary = "The newest 200 outbox messages, optionally of one status (PENDING, SENDING, SENT, LOGGED, FAILED, DEAD)",
			tags = "notifications")
	List<OutboxMessage> list(@RequestParam(required = false) String status) {
		return notifications.recent(status == null || status.isBlank() ? null : status, 200);
	}

	@Configuration(proxyBeanMethods = false)
	static class OutboxNavigation {

		@Bean
		NavigationItem outboxNavigation() {
			return NavigationItem.forRoles("nav.outbox", "/notifications", 900, "SYSTEM_ADMIN");
		}

	}

}
