package org.chamberlink.notification.web;

import org.chamberlink.identity.RoleGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutboxMessage;
import org.chamberlink.notification.OutboxStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@PreAuthorize(RoleGroups.SYSTEM)
@Tag(name = "notifications", description = "通知发送 / the outbox of mail and SMS")
class OutboxApiController {

	private final Notifications notifications;

	OutboxApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	@Operation(summary = "Outbox messages, newest first, 50 a page (size up to 500); filter status "
			+ "(PENDING, SENDING, SENT, LOGGED, FAILED, DEAD); SMS recipients masked")
	Page<OutboxMessage> list(@RequestParam(required = false) OutboxStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return notifications.search(status, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
	}

}
