package org.chamberlink.publication.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Industries;
import org.chamberlink.publication.Policies;
import org.chamberlink.publication.PolicyFilter;
import org.chamberlink.publication.PolicyTopic;
import org.chamberlink.publication.PolicyView;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member portal's policy library, for a phone: policies for the member (their enterprises'
 * industries and regions, in force), a search of the whole published library, one policy, and the
 * subscription to new ones by mail.
 */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class PolicyPortalController {

	private final Policies policies;

	private final Industries industries;

	private final org.chamberlink.region.Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	PolicyPortalController(Policies policies, Industries industries, org.chamberlink.region.Regions regions, MessageSource messages,
			Clock clock) {
		this.regions = regions;
		this.policies = policies;
		this.industries = industries;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/portal/policies")
	String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) String industryCode,
			@RequestParam(required = false) PolicyTopic topic, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		boolean searching = (keyword != null && !keyword.isBlank()) || (industryCode != null && !industryCode.isBlank()) || topic != null;
		PolicyFilter filter = new PolicyFilter(keyword, industryCode, null, topic, true);
		model.addAttribute("filter", filter);
		model.addAttribute("searching", searching);
		model.addAttribute("policies", searching ? policies.searchPublished(filter) : policies.forMember(me));
		model.addAttribute("subscription", policies.subscription(me).orElse(null));
		PolicyPages.choices(model, industries, today());
		return "publication/portal-policies";
	}

	@GetMapping("/portal/policies/{id}")
	String detail(@PathVariable Long id, Model model) {
		PolicyView policy = policies.findPublished(id).orElseThrow(() -> new RecordNotFoundException("Policy", id));
		model.addAttribute("policy", policy);
		PolicyPages.describe(model, policy, industries, regions, today());
		return "publication/portal-policy";
	}

	@PostMapping("/portal/policies/subscription")
	String subscribe(@RequestParam(required = false) String email, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			policies.subscribe(me, email);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("subscription", null, e, messages, locale, "email", email));
			return list(null, null, null, me, model);
		}
		redirect.addFlashAttribute("success", "policy.subscribed");
		return "redirect:/portal/policies";
	}

	@PostMapping("/portal/policies/subscription/cancel")
	String unsubscribe(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		policies.unsubscribe(me);
		redirect.addFlashAttribute("success", "policy.unsubscribed");
		return "redirect:/portal/policies";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
