package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.member.DuplicateCandidate;
import org.chamberlink.member.MemberDuplicates;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duplicate report and merging, for administrators (a merge changes what every organisation sees). */
@Controller
@PreAuthorize(RoleGroups.ADMINS)
class DuplicatesController {


	private final MemberDuplicates duplicates;

	private final MessageSource messages;

	DuplicatesController(MemberDuplicates duplicates, MessageSource messages) {
		this.duplicates = duplicates;
		this.messages = messages;
	}

	@GetMapping("/members/duplicates")
	String report(Model model) {
		List<DuplicateCandidate> candidates = duplicates.report();
		Map<String, List<DuplicateCandidate>> groups = new LinkedHashMap<>();
		candidates.forEach(c -> groups.computeIfAbsent(c.reason() + "|" + c.groupKey(), key -> new java.util.ArrayList<>()).add(c));
		model.addAttribute("groups", groups.values());
		model.addAttribute("truncated", candidates.size() >= MemberDuplicates.MAX_ROWS);
		return "member/duplicates";
	}

	@PostMapping("/members/merge")
	String merge(@RequestParam(required = false) Long survivorId,
			@RequestParam(required = false) List<Long> partyIds, Locale locale, RedirectAttributes redirect) {
		if (survivorId == null || partyIds == null || partyIds.stream().allMatch(survivorId::equals)) {
			redirect.addFlashAttribute("mergeError", messages.getMessage("duplicates.chooseBoth", null, locale));
			return "redirect:/members/duplicates";
		}
		try {
			duplicates.merge(survivorId, partyIds);
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("mergeError", messages.getMessage(e.messageKey(), e.arguments(), locale));
			return "redirect:/members/duplicates";
		}
		redirect.addFlashAttribute("success", "duplicates.merged");
		return "redirect:/members/" + survivorId;
	}

}
