package org.chamberlink.benefit.web;

import java.util.Locale;

import org.chamberlink.benefit.CardCheck;
import org.chamberlink.benefit.MemberCards;
import org.chamberlink.benefit.Merchants;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partner merchant's one page (its till, 375 px first): type, paste or scan a member's card code,
 * see 有效 / 无效 with the member's name and organisation, and record a use of a valid card.
 */
@Controller
@PreAuthorize(RoleGroups.MERCHANT)
class MerchantTillController {

	private final MemberCards cards;

	private final Merchants merchants;

	private final MessageSource messages;

	MerchantTillController(MemberCards cards, Merchants merchants, MessageSource messages) {
		this.cards = cards;
		this.merchants = merchants;
		this.messages = messages;
	}

	@GetMapping("/merchant")
	String page(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("merchant", merchants.ofAccount(me).orElse(null));
		return "benefit/till";
	}

	@PostMapping("/merchant/check")
	String check(@RequestParam(required = false) String code, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model) {
		try {
			CardCheck check = cards.check(me, code);
			model.addAttribute("check", check);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("check", null, e, messages, locale, "code", code));
		}
		return page(me, model);
	}

	@PostMapping("/merchant/uses")
	String use(@RequestParam(required = false) String code, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			cards.recordUse(me, code);
			redirect.addFlashAttribute("success", "benefit.use.recorded");
			return "redirect:/merchant";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("check", null, e, messages, locale, "code", code));
			return page(me, model);
		}
	}

}
