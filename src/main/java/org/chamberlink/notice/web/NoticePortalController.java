package org.chamberlink.notice.web;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.notice.InboxItem;
import org.chamberlink.notice.NoticeAccess;
import org.chamberlink.notice.NoticeInbox;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member's notices in the portal (stacked cards for a phone); opening one records the member's receipt. */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class NoticePortalController {

	private final NoticeInbox inbox;

	private final NoticeAccess access;

	NoticePortalController(NoticeInbox inbox, NoticeAccess access) {
		this.inbox = inbox;
		this.access = access;
	}

	@GetMapping("/portal/notices")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("items", inbox.forMember(me));
		return "notice/portal";
	}

	@GetMapping("/portal/notices/{id}")
	String read(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		InboxItem item = inbox.openForMember(me, id);
		model.addAttribute("item", item);
		model.addAttribute("files", access.filesReceived(me, id, true));
		return "notice/portal-read";
	}

	@GetMapping("/portal/notices/files/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable Long fileId, @AuthenticationPrincipal AccountPrincipal me) {
		return NoticeUploads.send(access.download(me, fileId));
	}

}
