package org.chamberlink.organization.web;

import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.EarlyEnd;
import org.chamberlink.organization.Leadership;
import org.chamberlink.organization.LeadershipRole;
import org.chamberlink.organization.NewLeadershipTerm;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The two forms under each leadership term on the organisation's page: correct it, end it early.
 * A refused one opens again under its term with what was typed (decision 25).
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class LeadershipTermController {

	private final Leadership leadership;

	private final OrganizationDetailPage detailPage;

	private final MessageSource messages;

	LeadershipTermController(Leadership leadership, OrganizationDetailPage detailPage, MessageSource messages) {
		this.leadership = leadership;
		this.detailPage = detailPage;
		this.messages = messages;
	}

	@PostMapping("/organizations/{id}/leadership/{termId}")
	String correct(@PathVariable Long id, @PathVariable Long termId, @RequestParam(required = false) LeadershipRole role,
			@RequestParam(required = false) String personName, @RequestParam(required = false) Boolean nonPublicEconomy,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			if (personName == null || personName.isBlank() || personName.strip().length() > 100) {
				throw new RuleViolationException("personName", "leadership.personNameRequired");
			}
			if (role == null || startsOn == null || endsOn == null) {
				throw new RuleViolationException(role == null ? "role" : startsOn == null ? "startsOn" : "endsOn",
						"leadership.termRequired");
			}
			leadership.correct(id, termId, new NewLeadershipTerm(role, personName, nonPublicEconomy, startsOn, endsOn));
			redirect.addFlashAttribute("success", "leadership.corrected");
			return "redirect:/organizations/" + id + "#leadership";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("term", termId, e, messages, locale, "role",
					role == null ? null : role.name(), "personName", personName, "startsOn",
					startsOn == null ? null : startsOn.toString(), "endsOn", endsOn == null ? null : endsOn.toString()));
			return detailPage.render(id, me, model);
		}
	}

	@PostMapping("/organizations/{id}/leadership/{termId}/end")
	String end(@PathVariable Long id, @PathVariable Long termId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			leadership.endEarly(id, termId, new EarlyEnd(endsOn, reason));
			redirect.addFlashAttribute("success", "leadership.ended");
			return "redirect:/organizations/" + id + "#leadership";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("endTerm", termId, e, messages, locale, "endsOn",
					endsOn == null ? null : endsOn.toString(), "reason", reason));
			return detailPage.render(id, me, model);
		}
	}

}
