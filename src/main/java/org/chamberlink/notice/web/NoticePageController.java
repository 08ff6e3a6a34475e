package org.chamberlink.notice.web;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.notice.DataCalls;
import org.chamberlink.notice.NoticeKind;
import org.chamberlink.notice.NoticeReminders;
import org.chamberlink.notice.NoticeView;
import org.chamberlink.notice.Notices;
import org.chamberlink.shared.PageSizes;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sender's pages: what the caller's subtree sent, one notice with its receipt board (read and
 * unread per organisation, the members counted per organisation), one organisation's members
 * drilled down, and reminding the unread.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class NoticePageController {

	private final Notices notices;

	private final DataCalls dataCalls;

	private final NoticeReminders reminders;

	NoticePageController(Notices notices, DataCalls dataCalls, NoticeReminders reminders) {
		this.notices = notices;
		this.dataCalls = dataCalls;
		this.reminders = reminders;
	}

	@GetMapping("/notices")
	String list(@RequestParam(required = false) NoticeKind kind, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("keyword", keyword);
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("notices", notices.sent(kind, keyword, PageRequest.of(Math.max(page, 0), PageSizes.LIST)));
		return "notice/list";
	}

	@GetMapping("/notices/{id}")
	String detail(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Model model) {
		NoticeView notice = notices.get(id);
		model.addAttribute("notice", notice);
		model.addAttribute("files", notices.files(id));
		model.addAttribute("reminderJob", reminders.latest(id).orElse(null));
		model.addAttribute("unread", unread);
		model.addAttribute("receipts", notices.orgReceipts(id, unread, PageRequest.of(Math.max(page, 0), PageSizes.LOG)));
		model.addAttribute("tallies", notices.memberTallies(id, PageRequest.of(0, PageSizes.LIST)));
		if (notice.dataCall()) {
			model.addAttribute("progress", dataCalls.progress(dataCalls.board(id)));
		}
		return "notice/detail";
	}

	@GetMapping("/notices/{id}/members")
	String members(@PathVariable Long id, @RequestParam Long org, @RequestParam(defaultValue = "0") int page, Model model) {
		NoticeView notice = notices.get(id);
		model.addAttribute("notice", notice);
		model.addAttribute("tally", notices.memberTally(id, org)
			.orElseThrow(() -> new org.chamberlink.shared.RecordNotFoundException("Organization", org)));
		model.addAttribute("receipts", notices.memberReceipts(id, org, PageRequest.of(Math.max(page, 0), PageSizes.LOG)));
		return "notice/members";
	}

	/** Every organisation's members counted, most unread first, a page at a time (a province's notice reaches thousands). */
	@GetMapping("/notices/{id}/tallies")
	String tallies(@PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("notice", notices.get(id));
		model.addAttribute("tallies", notices.memberTallies(id, PageRequest.of(Math.max(page, 0), PageSizes.LOG)));
		return "notice/tallies";
	}

	@PostMapping("/notices/{id}/remind")
	@PreAuthorize(RoleGroups.WORKERS)
	String remind(@PathVariable Long id, @org.springframework.security.core.annotation.AuthenticationPrincipal
			org.chamberlink.identity.AccountPrincipal me, RedirectAttributes redirect) {
		NoticeReminders.ReminderJob job = reminders.request(id, me);
		// the job runs in the background: the page shows its progress (notice.remind.job)
		redirect.addFlashAttribute("success", job.finished() ? "notice.remind.nobody" : "notice.remind.queued");
		return "redirect:/notices/" + id;
	}

}
