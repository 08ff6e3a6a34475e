package org.chamberlink.welfare.web;

import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.welfare.Agreements;
import org.chamberlink.welfare.Agreements.AgreementForm;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Support agreements (帮扶协议): the list with the form to sign one; an agreement's page with its visits and outcome. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class AgreementPageController {

	private final Agreements agreements;

	private final WelfarePages pages;

	AgreementPageController(Agreements agreements, WelfarePages pages) {
		this.agreements = agreements;
		this.pages = pages;
	}

	@GetMapping("/welfare/agreements")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("agreements", agreements.list());
		model.addAttribute("organizations", pages.organisations(me));
		model.addAttribute("members", pages.members(null));
		return "welfare/agreements";
	}

	@PostMapping("/welfare/agreements")
	@PreAuthorize(RoleGroups.WORKERS)
	String sign(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long partyId,
			@RequestParam(required = false) String goals, @RequestParam(required = false) String staff,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long id = agreements.sign(new AgreementForm(orgId, partyId, goals, staff, startsOn, endsOn));
			return pages.done("/welfare/agreements/" + id, "welfare.agreement.signed", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "agreement", e, locale, "orgId", PairingPageController.text(orgId), "partyId",
					PairingPageController.text(partyId), "goals", goals, "staff", staff, "startsOn", PairingPageController.text(startsOn),
					"endsOn", PairingPageController.text(endsOn));
			return list(me, model);
		}
	}

	@GetMapping("/welfare/agreements/{id}")
	String detail(@PathVariable Long id, Model model) {
		model.addAttribute("agreement", agreements.get(id));
		model.addAttribute("visits", agreements.visits(id));
		model.addAttribute("caseworkVisits", agreements.caseworkVisits(id));
		return "welfare/agreement";
	}

	@PostMapping("/welfare/agreements/{id}/visits")
	@PreAuthorize(RoleGroups.WORKERS)
	String visit(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
			@RequestParam(required = false) String visitors, @RequestParam(required = false) String note, Locale locale, Model model,
			RedirectAttributes redirect) {
		agreements.get(id);
		try {
			agreements.visit(id, visitedOn, visitors, note);
			return pages.done("/welfare/agreements/" + id, "welfare.visit.recorded", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "visit", e, locale, "visitedOn", PairingPageController.text(visitedOn), "visitors", visitors, "note", note);
			return detail(id, model);
		}
	}

	@PostMapping("/welfare/agreements/{id}/close")
	@PreAuthorize(RoleGroups.WORKERS)
	String close(@PathVariable Long id, @RequestParam(required = false) String outcome, Locale locale, Model model,
			RedirectAttributes redirect) {
		agreements.get(id);
		try {
			agreements.close(id, outcome);
			return pages.done("/welfare/agreements/" + id, "welfare.agreement.closedNotice", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "close", e, locale, "outcome", outcome);
			return detail(id, model);
		}
	}

}
