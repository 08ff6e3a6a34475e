package org.chamberlink.survey.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.survey.SurveyAnswers;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member portal's surveys, for a phone: those of the member's audience, answered or not, and the
 * answer form. A refused answer (a required question blank, closed, answered already, outside the
 * audience) comes back with what was chosen and the message, 422, nothing written.
 */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class SurveyPortalController {

	private final SurveyAnswers answers;

	private final MessageSource messages;

	private final Clock clock;

	SurveyPortalController(SurveyAnswers answers, MessageSource messages, Clock clock) {
		this.answers = answers;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/portal/surveys")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("surveys", answers.visibleTo(me));
		model.addAttribute("now", clock.instant());
		return "survey/portal";
	}

	@GetMapping("/portal/surveys/{id}")
	String detail(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		SurveyAnswers.OwnSurvey own = answers.find(me, id).orElseThrow(() -> new RecordNotFoundException("Survey", id));
		model.addAttribute("own", own);
		model.addAttribute("survey", own.survey());
		model.addAttribute("phase", own.survey().phase(clock.instant()));
		if (!model.containsAttribute("given")) {
			model.addAttribute("given", Map.of());
		}
		return "survey/portal-answer";
	}

	@PostMapping("/portal/surveys/{id}")
	String answer(@PathVariable Long id, HttpServletRequest request, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model, RedirectAttributes redirect) {
		Map<String, List<String>> given = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.matches("q\\d+")) {
				given.put(name, List.of(values));
			}
		});
		try {
			answers.answer(me, id, given);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("survey", id, e, messages, locale));
			model.addAttribute("given", given);
			if (answers.find(me, id).isEmpty()) {
				// no longer the member's to see (their membership ended meanwhile): the message alone
				model.addAttribute("surveys", answers.visibleTo(me));
				model.addAttribute("now", clock.instant());
				return "survey/portal";
			}
			return detail(id, me, model);
		}
		redirect.addFlashAttribute("success", "survey.answered");
		return "redirect:/portal/surveys";
	}

}
