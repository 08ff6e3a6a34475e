package org.chamberlink.publication.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Industries;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.publication.Policies;
import org.chamberlink.publication.PolicyFilter;
import org.chamberlink.publication.PolicyInput;
import org.chamberlink.publication.PolicyTopic;
import org.chamberlink.publication.PolicyView;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

/** Staff's policy library: search, enter a policy as a draft, publish it. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class PolicyPageController {

	private final Policies policies;

	private final Organizations organizations;

	private final Industries industries;

	private final org.chamberlink.region.Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	PolicyPageController(Policies policies, Organizations organizations, Industries industries, org.chamberlink.region.Regions regions, MessageSource messages,
			Clock clock) {
		this.regions = regions;
		this.policies = policies;
		this.organizations = organizations;
		this.industries = industries;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/policies")
	String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) String industryCode,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) PolicyTopic topic,
			@RequestParam(defaultValue = "false") boolean validOnly, Model model) {
		PolicyFilter filter = new PolicyFilter(keyword, industryCode, regionCode, topic, validOnly);
		model.addAttribute("filter", filter);
		model.addAttribute("policies", policies.search(filter));
		PolicyPages.choices(model, industries, today());
		return "publication/policies";
	}

	@GetMapping("/policies/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("form", new PolicyInput(me.orgId(), "", "", null, today(), today(), null, List.of(), List.of(), Set.of(), ""));
		return form(me, model);
	}

	@PostMapping("/policies/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String save(@ModelAttribute("form") PolicyInput form, BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Long id = policies.create(form);
				redirect.addFlashAttribute("success", "policy.created");
				return "redirect:/policies/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return form(me, model);
	}

	@GetMapping("/policies/{id}")
	String detail(@PathVariable Long id, Model model) {
		PolicyView policy = policies.get(id);
		model.addAttribute("policy", policy);
		PolicyPages.describe(model, policy, industries, regions, today());
		return "publication/policy";
	}

	@PostMapping("/policies/{id}/publish")
	@PreAuthorize(RoleGroups.WORKERS)
	String publish(@PathVariable Long id, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			policies.publish(id);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("policy", id, e, messages, locale));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detail(id, model);
		}
		redirect.addFlashAttribute("success", "policy.published");
		return "redirect:/policies/" + id;
	}

	private String form(AccountPrincipal me, Model model) {
		model.addAttribute("topics", PolicyTopic.values());
		model.addAttribute("organizers", organisers(me));
		return "publication/policy-form";
	}

	private List<OrganizationSummary> organisers(AccountPrincipal me) {
		if (me.orgId() == null) {
			return organizations.roots();
		}
		List<OrganizationSummary> choices = new ArrayList<>();
		choices.add(organizations.get(me.orgId()));
		choices.addAll(organizations.children(me.orgId()));
		return choices;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
