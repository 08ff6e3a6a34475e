package org.chamberlink.survey.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.survey.QuestionKind;
import org.chamberlink.survey.SurveyAudience;
import org.chamberlink.survey.SurveyResults;
import org.chamberlink.survey.SurveyView;
import org.chamberlink.survey.Surveys;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;
import tools.jackson.databind.json.JsonMapper;

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

/**
 * Staff's surveys: the list of the caller's scope, the builder (and seed 002's satisfaction preset),
 * a survey's page with its course (publish, close early) and its results with charts and the
 * breakdown by organisation.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class SurveyPageController {

	private final Surveys surveys;

	private final SurveyResults results;

	private final Organizations organizations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	SurveyPageController(Surveys surveys, SurveyResults results, Organizations organizations, MessageSource messages, JsonMapper json,
			Clock clock) {
		this.surveys = surveys;
		this.results = results;
		this.organizations = organizations;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/surveys")
	String list(@RequestParam(required = false) String keyword, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("surveys", surveys.list(keyword));
		model.addAttribute("keyword", keyword);
		model.addAttribute("now", clock.instant());
		model.addAttribute("organizers", organisers(me));
		return "survey/list";
	}

	@GetMapping("/surveys/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		LocalDateTime opens = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).plusDays(1).withHour(9).withMinute(0).withSecond(0)
			.withNano(0);
		model.addAttribute("form", SurveyForm.blank(me.orgId(), opens));
		return form(me, model);
	}

	@PostMapping("/surveys/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String save(@ModelAttribute("form") SurveyForm form, BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Long id = surveys.create(form.draft());
				redirect.addFlashAttribute("success", "survey.created");
				return "redirect:/surveys/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return form(me, model);
	}

	/** Seed 002's 公认度和满意度测评 of the chosen organisation by its members, as a draft to check and publish. */
	@PostMapping("/surveys/preset")
	@PreAuthorize(RoleGroups.WORKERS)
	String preset(@RequestParam Long orgId, RedirectAttributes redirect) {
		Long id = surveys.createSatisfactionSurvey(orgId);
		redirect.addFlashAttribute("success", "survey.created");
		return "redirect:/surveys/" + id;
	}

	@GetMapping("/surveys/{id}")
	String detail(@PathVariable Long id, Model model) {
		SurveyView survey = surveys.get(id);
		model.addAttribute("survey", survey);
		model.addAttribute("phase", survey.phase(clock.instant()));
		model.addAttribute("audienceOrgs", survey.audienceOrgIds().isEmpty() ? List.of()
				: organizations.namesUnscoped(survey.audienceOrgIds()).values());
		return "survey/detail";
	}

	@PostMapping("/surveys/{id}/publish")
	@PreAuthorize(RoleGroups.WORKERS)
	String publish(@PathVariable Long id, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, () -> surveys.publish(id), "survey.published", locale, model, response, redirect);
	}

	@PostMapping("/surveys/{id}/close")
	@PreAuthorize(RoleGroups.WORKERS)
	String close(@PathVariable Long id, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, () -> surveys.close(id), "survey.closedNow", locale, model, response, redirect);
	}

	@GetMapping("/surveys/{id}/results")
	String results(@PathVariable Long id, Locale locale, Model model) {
		SurveyResults.Result result = results.of(id);
		model.addAttribute("result", result);
		model.addAttribute("phase", result.survey().phase(clock.instant()));
		List<String[]> charts = new ArrayList<>();
		for (SurveyResults.QuestionResult q : result.questions()) {
			charts.add(new String[] { json.writeValueAsString(q.counts().stream()
				.map(c -> q.question().kind() == QuestionKind.RATING ? messages.getMessage("survey.ratingLabel", new Object[] { c.label() }, locale) : c.label())
				.toList()), json.writeValueAsString(q.counts().stream().map(SurveyResults.Count::count).toList()) });
		}
		model.addAttribute("charts", charts);
		model.addAttribute("smallestCell", SurveyResults.SMALLEST_CELL);
		return "survey/results";
	}

	private String step(Long id, Runnable action, String notice, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("survey", id, e, messages, locale));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detail(id, model);
		}
		redirect.addFlashAttribute("success", notice);
		return "redirect:/surveys/" + id;
	}

	private String form(AccountPrincipal me, Model model) {
		model.addAttribute("kinds", QuestionKind.values());
		model.addAttribute("audiences", SurveyAudience.values());
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("organizers", organisers(me));
		return "survey/form";
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
