package org.chamberlink.notice.web;

import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.notice.NoticeChanges;
import org.chamberlink.notice.NoticeEdit;
import org.chamberlink.notice.NoticeView;
import org.chamberlink.notice.Notices;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Correcting a notice already sent (title, body, expiry, pinned) and withdrawing it with a reason,
 * on one page. A refused edit comes back with what was typed (422); a refused withdrawal with its
 * reason kept and the message on it.
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class NoticeChangeController {

	private final Notices notices;

	private final NoticeChanges changes;

	private final MessageSource messages;

	NoticeChangeController(Notices notices, NoticeChanges changes, MessageSource messages) {
		this.notices = notices;
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping("/notices/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		NoticeView notice = notices.get(id);
		model.addAttribute("form", NoticeEdit.of(notice));
		model.addAttribute("notice", notice);
		return "notice/edit";
	}

	@PostMapping("/notices/{id}/edit")
	String save(@PathVariable Long id, @ModelAttribute("form") NoticeEdit form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		NoticeView notice = notices.get(id);
		if (!result.hasErrors()) {
			try {
				changes.edit(me, id, form);
				redirect.addFlashAttribute("success", "notice.edited");
				return "redirect:/notices/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		model.addAttribute("notice", notice);
		return "notice/edit";
	}

	@PostMapping("/notices/{id}/withdraw")
	String withdraw(@PathVariable Long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		NoticeView notice = notices.get(id);
		try {
			changes.withdraw(me, id, reason);
			redirect.addFlashAttribute("success", "notice.withdraw.done");
			return "redirect:/notices/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("withdraw", id, e, messages, locale, "reason", reason));
			model.addAttribute("form", NoticeEdit.of(notice));
			model.addAttribute("notice", notice);
			return "notice/edit";
		}
	}

}
