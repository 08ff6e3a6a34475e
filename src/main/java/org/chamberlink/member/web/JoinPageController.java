package org.chamberlink.member.web;

import java.util.List;

import org.chamberlink.member.EnterpriseKind;
import org.chamberlink.member.FieldProblem;
import org.chamberlink.member.Industries;
import org.chamberlink.member.JoinApplicationForm;
import org.chamberlink.member.JoinApplications;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The chamber's public join page (no sign-in): an entrepreneur applies on a phone, then follows
 * the application on its status page. Public by design: it names the organisation, nothing more,
 * and answers only for organisations that accept public applications (chambers by default).
 */
@Controller
class JoinPageController {

	private final JoinApplications applications;

	private final Organizations organizations;

	private final Industries industries;

	JoinPageController(JoinApplications applications, Organizations organizations, Industries industries) {
		this.applications = applications;
		this.organizations = organizations;
		this.industries = industries;
	}

	@GetMapping("/join/{orgId}")
	String form(@PathVariable Long orgId, Model model) {
		prepare(model, organization(orgId));
		model.addAttribute("form", JoinApplicationForm.blank());
		return "member/join";
	}

	@PostMapping("/join/{orgId}")
	String apply(@PathVariable Long orgId, @ModelAttribute("form") JoinApplicationForm form, BindingResult result,
			Model model) {
		OrganizationSummary org = organization(orgId);
		prepare(model, org);
		if (result.hasErrors()) {
			return "member/join";
		}
		List<FieldProblem> problems = applications.problems(org, form);
		if (problems.isEmpty()) {
			try {
				return "redirect:/join/status/" + applications.submit(orgId, form);
			}
			catch (RuleViolationException e) {
				problems = List.of(new FieldProblem(e.field(), e.messageKey(), e.arguments()));
			}
		}
		problems.forEach(problem -> result.rejectValue(problem.field(), problem.key(), problem.args(), null));
		return "member/join";
	}

	@GetMapping("/join/status/{token}")
	String status(@PathVariable String token, Model model) {
		model.addAttribute("joinApp", applications.byToken(token));
		return "member/join-status";
	}

	/** Only an active organisation that takes public applications; any other id is not found alike. */
	private OrganizationSummary organization(Long orgId) {
		return organizations.findForJoinPageUnscoped(orgId)
			.orElseThrow(() -> new RecordNotFoundException("Organization", orgId));
	}

	private void prepare(Model model, OrganizationSummary org) {
		model.addAttribute("org", org);
		model.addAttribute("enterpriseKinds", EnterpriseKind.values());
		model.addAttribute("industries", industries.all());
	}

}
