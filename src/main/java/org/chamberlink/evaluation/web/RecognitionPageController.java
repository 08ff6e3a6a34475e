package org.chamberlink.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.evaluation.EvaluationLevel;
import org.chamberlink.evaluation.Recognition;
import org.chamberlink.evaluation.Recognitions;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;

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
 * Recognitions per level and year, one recognition with its public notice and objections, an
 * organisation's own recognitions and the evaluation figures (the schemes are
 * {@link SchemePageController}'s).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class RecognitionPageController {

	private final Recognitions recognitions;

	private final Organizations organizations;

	private final Figures figures;

	private final RefusedSteps steps;

	private final Clock clock;

	RecognitionPageController(Recognitions recognitions, Organizations organizations, Figures figures, RefusedSteps steps,
			Clock clock) {
		this.recognitions = recognitions;
		this.organizations = organizations;
		this.figures = figures;
		this.steps = steps;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	@GetMapping("/evaluations/recognitions")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) EvaluationLevel level, Model model) {
		int y = year == null ? today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("level", level);
		model.addAttribute("levels", EvaluationLevel.values());
		model.addAttribute("recognitions", recognitions.list(y, level));
		return "evaluation/recognitions";
	}

	@GetMapping("/evaluations/recognitions/{id}")
	String recognition(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Recognition recognition = recognitions.get(id);
		model.addAttribute("recognition", recognition);
		model.addAttribute("objections", recognitions.objections(id));
		EvaluationLevel acting = recognition.level() == EvaluationLevel.NATIONAL ? EvaluationLevel.PROVINCE : recognition.level();
		EvaluationLevel mine = mine(me);
		// what the caller's organisation is to this recognition; the template asks may.work beside it
		model.addAttribute("recognisingLevel", mine == acting);
		model.addAttribute("atOrAboveLevel", mine != null && mine.ordinal() >= acting.ordinal());
		return "evaluation/recognition";
	}

	private EvaluationLevel mine(AccountPrincipal me) {
		if (me.orgId() == null) {
			return null;
		}
		String level = organizations.get(me.orgId()).level();
		return level == null ? null : EvaluationLevel.valueOf(level);
	}

	/** Tries a step of the recognition's page; refused, the page is drawn again with the message on the row's field. */
	private String attempt(Long id, String form, Long row, AccountPrincipal me, Locale locale, RedirectAttributes redirect,
			Model model, Runnable step, String success, String... typed) {
		return steps.attempt(model, locale, form, row, () -> {
			step.run();
			redirect.addFlashAttribute("success", success);
			return "redirect:/evaluations/recognitions/" + id;
		}, () -> recognition(id, me, model), typed);
	}

	@PostMapping("/evaluations/recognitions/{id}/objections")
	@PreAuthorize(RoleGroups.WORKERS)
	String object(@PathVariable Long id, @RequestParam(required = false) String raisedBy, @RequestParam(required = false) String text,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		return attempt(id, "objection", null, me, locale, redirect, model, () -> recognitions.object(id, raisedBy, text),
				"evaluation.objection.recorded", "raisedBy", raisedBy, "text", text);
	}

	@PostMapping("/evaluations/recognitions/{id}/objections/{objectionId}/answer")
	@PreAuthorize(RoleGroups.WORKERS)
	String answer(@PathVariable Long id, @PathVariable Long objectionId, @RequestParam(required = false) String answer,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		return attempt(id, "answer", objectionId, me, locale, redirect, model, () -> recognitions.answer(id, objectionId, answer),
				"evaluation.objection.answered", "answer", answer);
	}

	@PostMapping("/evaluations/recognitions/{id}/withdraw")
	@PreAuthorize(RoleGroups.WORKERS)
	String withdraw(@PathVariable Long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		return attempt(id, "withdraw", null, me, locale, redirect, model, () -> recognitions.withdraw(id, reason),
				"evaluation.withdrawn", "reason", reason);
	}

	/** An organisation's recognitions: the caller's own by default (a chamber's page of its honours). */
	@GetMapping("/evaluations/honours")
	String honours(@RequestParam(required = false) Long org, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long id = org != null ? org : me.orgId();
		if (id != null) {
			model.addAttribute("org", organizations.get(id));
			model.addAttribute("recognitions", recognitions.ofOrganization(id));
		}
		return "evaluation/honours";
	}

	// ---- figures ----

	@GetMapping("/figures/evaluations")
	String figures(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		int y = year == null ? today().getYear() : year;
		model.addAttribute("year", y);
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "evaluation/figures";
		}
		var summary = organizations.get(node);
		FigurePeriod period = new FigurePeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
		model.addAttribute("node", summary);
		model.addAttribute("below", figures.table(node, period, id -> "/figures/evaluations?org=" + id + "&year=" + y,
				"evaluation.evaluations", "evaluation.submitted", "evaluation.returned", "evaluation.passed",
				"evaluation.recommended", "evaluation.recognisedCounty", "evaluation.recognisedCity",
				"evaluation.recognisedProvince", "evaluation.recognisedNational"));
		model.addAttribute("tally", recognitions.tally(summary.path(), y));
		return "evaluation/figures";
	}

}
