package org.chamberlink.activity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityForm;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Audience;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import jakarta.servlet.http.HttpServletResponse;

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
 * Planning an activity: the form for a new one and for changes (Post/Redirect/Get; a refused form
 * comes back with what was typed and each message on its field), and the steps of its course.
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class ActivityFormController {

	private final Activities activities;

	private final ActivityPlanning planning;

	private final Organizations organizations;

	private final ActivityDetailPage detailPage;

	private final Clock clock;

	ActivityFormController(Activities activities, ActivityPlanning planning, Organizations organizations,
			ActivityDetailPage detailPage, Clock clock) {
		this.activities = activities;
		this.planning = planning;
		this.organizations = organizations;
		this.detailPage = detailPage;
		this.clock = clock;
	}

	@GetMapping("/activities/new")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) ActivityKind kind,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		LocalDateTime start = LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(7).atTime(9, 0);
		Long organiser = orgId != null ? orgId : me.orgId();
		model.addAttribute("form", new ActivityForm(organiser, kind == null ? ActivityKind.TRAINING : kind, "", List.of(), null, start,
				start.plusHours(2), null, null, null, null, null, null, Audience.SUBTREE, Set.of(), Set.of(), List.of()));
		return form(me, null, model);
	}

	@PostMapping("/activities/new")
	String save(@ModelAttribute("form") ActivityForm form, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Long id = planning.create(form);
				return detailPage.done(id, "activity.created", redirect);
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return form(me, null, model);
	}

	@GetMapping("/activities/{id}/edit")
	String edit(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		ActivityView activity = activities.get(id);
		model.addAttribute("form", ActivityForm.of(activity));
		return form(me, activity, model);
	}

	@PostMapping("/activities/{id}/edit")
	String update(@PathVariable Long id, @RequestParam(defaultValue = "0") long version, @ModelAttribute("form") ActivityForm form,
			BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		ActivityView activity = activities.get(id);
		if (!result.hasErrors()) {
			try {
				planning.update(id, version, form);
				return detailPage.done(id, "activity.saved", redirect);
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return form(me, activity, model);
	}

	@PostMapping("/activities/{id}/publish")
	String publish(@PathVariable Long id, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, () -> planning.publish(id), "activity.published", "status", locale, model, response, redirect);
	}

	@PostMapping("/activities/{id}/cancel")
	String cancel(@PathVariable Long id, @RequestParam(required = false) String cancelReason, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, () -> planning.cancel(id, cancelReason), "activity.cancelled", "cancel", locale, model, response, redirect,
				"cancelReason", cancelReason);
	}

	@PostMapping("/activities/{id}/held")
	String held(@PathVariable Long id, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, () -> planning.markHeld(id), "activity.markedHeld", "status", locale, model, response, redirect);
	}

	@PostMapping("/activities/{id}/close")
	String close(@PathVariable Long id, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, () -> planning.close(id), "activity.closed", "status", locale, model, response, redirect);
	}

	/** A step of the activity's course: done, back to its page with the notice; refused, the page again with the message (422). */
	private String step(Long id, Runnable action, String notice, String form, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String... typed) {
		try {
			action.run();
		}
		catch (RuleViolationException e) {
			return detailPage.refused(id, form, e, locale, model, response, typed);
		}
		return detailPage.done(id, notice, redirect);
	}

	/** The form with its choices: organisers the caller may plan for, kinds, audiences, roles, tiers. */
	private String form(AccountPrincipal me, ActivityView activity, Model model) {
		model.addAttribute("activity", activity);
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("organizers", organisers(me));
		return "activity/form";
	}

	/** The caller's organisation and those directly below it (a system administrator: the top ones). */
	private List<OrganizationSummary> organisers(AccountPrincipal me) {
		if (me.orgId() == null) {
			return organizations.roots();
		}
		List<OrganizationSummary> choices = new ArrayList<>();
		choices.add(organizations.get(me.orgId()));
		choices.addAll(organizations.children(me.orgId()));
		return choices;
	}

}
