package org.chamberlink.finance.web;

import java.util.Locale;

import org.chamberlink.finance.LoanReferrals;
import org.chamberlink.finance.LoanReferrals.ApplicationForm;
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

import static org.chamberlink.web.RowRefusal.asTyped;

/** The member portal's loans: apply for a loan referral (amount, purpose, term) and follow each application's status. */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class FinancePortalController {

	private final LoanReferrals referrals;

	private final MessageSource messages;

	FinancePortalController(LoanReferrals referrals, MessageSource messages) {
		this.referrals = referrals;
		this.messages = messages;
	}

	@GetMapping("/portal/loans")
	String loans(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("referrals", referrals.own(me));
		model.addAttribute("organizations", referrals.ownOrganizations(me));
		return "finance/portal-loans";
	}

	@PostMapping("/portal/loans")
	String apply(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) Integer termMonths,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			referrals.applyOwn(me, new ApplicationForm(null, orgId, amount, purpose, termMonths));
			redirect.addFlashAttribute("success", "finance.portal.applied");
			return "redirect:/portal/loans";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("loan", null, e, messages, locale, "orgId", asTyped(orgId),
					"amount", amount, "purpose", purpose, "termMonths", asTyped(termMonths)));
			return loans(me, model);
		}
	}

}
