package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.FieldProblem;
import org.chamberlink.member.MemberRegistration;
import org.chamberlink.member.MembershipChanges;
import org.chamberlink.member.PartyUpdates;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipChange;
import org.chamberlink.member.NewMember;
import org.chamberlink.member.PartyChanges;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyKind;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enter a member, edit a party, change or end a membership: Post/Redirect/Get; on failure the
 * form comes back with every message next to its field and nothing is saved.
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class MemberFormController {

	private final Members members;

	private final MemberRegistration registration;

	private final MembershipChanges membershipChanges;

	private final PartyUpdates partyUpdates;

	private final Organizations organizations;

	private final MemberChoices choices;

	private final MessageSource messages;

	private final Clock clock;

	private final MemberDetailPage detailPage;

	MemberFormController(Members members, MemberRegistration registration, MembershipChanges membershipChanges, PartyUpdates partyUpdates, Organizations organizations,
			MemberChoices choices, MessageSource messages, Clock clock, MemberDetailPage detailPage) {
		this.detailPage = detailPage;
		this.members = members;
		this.registration = registration;
		this.membershipChanges = membershipChanges;
		this.partyUpdates = partyUpdates;
		this.organizations = organizations;
		this.choices = choices;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/members/new")
	String create(@RequestParam(defaultValue = "ENTERPRISE") PartyKind kind, @RequestParam(required = false) Long orgId,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (orgId != null) {
			// an organisation outside the scope is not found, as one that does not exist
			organizations.get(orgId);
		}
		choices.addTo(model);
		model.addAttribute("form", NewMember.blank(kind, orgId != null ? orgId : me.orgId(), LocalDate.now(clock)));
		return "member/new";
	}

	@PostMapping("/members/new")
	String register(@ModelAttribute("form") NewMember form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		choices.addTo(model);
		if (result.hasErrors()) {
			return "member/new";
		}
		List<FieldProblem> problems = registration.problems(form);
		if (problems.isEmpty()) {
			try {
				Long partyId = registration.register(form);
				redirect.addFlashAttribute("success", "member.created");
				return "redirect:/members/" + partyId;
			}
			catch (RuleViolationException e) {
				problems = List.of(new FieldProblem(e.field(), e.messageKey(), e.arguments()));
			}
		}
		problems.forEach(problem -> result.rejectValue(problem.field(), problem.key(), problem.args(), null));
		return "member/new";
	}

	@GetMapping("/members/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		PartyDetails party = members.get(id);
		choices.addTo(model);
		model.addAttribute("party", party);
		model.addAttribute("form", PartyChanges.of(party));
		return "member/edit";
	}

	@PostMapping("/members/{id}/edit")
	String save(@PathVariable Long id, @ModelAttribute("form") PartyChanges form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		choices.addTo(model);
		model.addAttribute("party", members.get(id));
		if (result.hasErrors()) {
			return "member/edit";
		}
		PartyUpdates.Outcome saved;
		try {
			saved = partyUpdates.update(id, form);
		}
		catch (RuleViolationException e) {
			FormErrors.reject(result, e);
			return "member/edit";
		}
		redirect.addFlashAttribute("success", saved.proposalId() == null ? "member.saved" : "member.proposed");
		return "redirect:/members/" + saved.partyId();
	}

	@PostMapping("/memberships/{id}")
	String change(@PathVariable Long id, @ModelAttribute MembershipChange change, BindingResult result,
			@RequestParam(required = false) String leftOn, Locale locale, Model model, RedirectAttributes redirect) {
		Long partyId = members.membership(id).partyId();
		// the same URL takes the change of role or tier and the end of the membership, two forms
		String form = leftOn != null || change.leaveReason() != null ? "leave" : "membership";
		try {
			if (result.hasErrors()) {
				FieldError first = result.getFieldErrors().get(0);
				throw new RuleViolationException(first.getField(), "typeMismatch",
						new DefaultMessageSourceResolvable("member." + first.getField()));
			}
			membershipChanges.change(id, change);
			redirect.addFlashAttribute("success", "member.membershipSaved");
			return "redirect:/members/" + partyId + "#memberships";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of(form, id, e, messages, locale, "role",
					change.role() == null ? null : change.role().name(), "tier",
					change.tier() == null ? null : change.tier().name(), "tierReason", change.tierReason(), "leftOn",
					leftOn, "leaveReason", change.leaveReason()));
			return detailPage.render(partyId, model);
		}
	}

}
