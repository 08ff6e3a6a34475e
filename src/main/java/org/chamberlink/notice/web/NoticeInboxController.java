package org.chamberlink.notice.web;

import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.notice.DataCalls;
import org.chamberlink.notice.InboxItem;
import org.chamberlink.notice.NoticeAccess;
import org.chamberlink.notice.NoticeInbox;
import org.chamberlink.shared.PageSizes;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The receiving organisation's side: its inbox (also the home page's panel), reading a notice —
 * which records the receipt — with its files, and a data call's reply (again after a return).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class NoticeInboxController {

	private final NoticeInbox inbox;

	private final NoticeAccess access;

	private final DataCalls dataCalls;

	private final MessageSource messages;

	NoticeInboxController(NoticeInbox inbox, NoticeAccess access, DataCalls dataCalls, MessageSource messages) {
		this.inbox = inbox;
		this.access = access;
		this.dataCalls = dataCalls;
		this.messages = messages;
	}

	@GetMapping("/notices/inbox")
	String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("unread", unread);
		model.addAttribute("items", inbox.forOrganization(me, unread, PageRequest.of(Math.max(page, 0), PageSizes.LIST)));
		model.addAttribute("unreadCount", inbox.unreadForOrganization(me));
		return "notice/inbox";
	}

	@GetMapping("/notices/panels/inbox")
	String panel(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("items", inbox.forOrganization(me, false, PageRequest.of(0, PageSizes.PANEL)).getContent());
		model.addAttribute("unreadCount", inbox.unreadForOrganization(me));
		return "notice/inbox :: panel";
	}

	@GetMapping("/notices/inbox/{id}")
	String read(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		InboxItem item = inbox.openForOrganization(me, id);
		return page(item, me, model);
	}

	@PostMapping("/notices/inbox/{id}/reply")
	@PreAuthorize(RoleGroups.WORKERS)
	String reply(@PathVariable Long id, @RequestParam(required = false) String text,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			dataCalls.reply(me, id, text, NoticeUploads.of(files));
		}
		catch (RuleViolationException e) {
			InboxItem item = inbox.findForOrganization(me, id).orElseThrow();
			model.addAttribute("refusal", RowRefusal.of("reply", id, e, messages, locale, "text", text));
			return page(item, me, model);
		}
		redirect.addFlashAttribute("success", "notice.reply.submitted");
		return "redirect:/notices/inbox/" + id;
	}

	@GetMapping("/notices/files/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable Long fileId, @AuthenticationPrincipal AccountPrincipal me) {
		return NoticeUploads.send(access.download(me, fileId));
	}

	private String page(InboxItem item, AccountPrincipal me, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("files", access.filesReceived(me, item.id(), false));
		if (item.dataCall()) {
			model.addAttribute("reply", dataCalls.ownReply(me, item.id()).orElse(null));
		}
		return "notice/read";
	}

}
