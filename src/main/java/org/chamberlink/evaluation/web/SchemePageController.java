package org.chamberlink.evaluation.web;

import java.util.Locale;

import org.chamberlink.evaluation.EvaluationLevel;
import org.chamberlink.evaluation.EvidenceKind;
import org.chamberlink.evaluation.Indicator;
import org.chamberlink.evaluation.Schemes;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation schemes: read by everyone who works with evaluations; a federation changes a
 * criterion's wording, maximum and guidance, adds criteria to a section, removes one no evaluation
 * has used, and sets a level's pass mark. A refused change draws the page again with the message on
 * the field and what was typed (422).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class SchemePageController {

	private final Schemes schemes;

	private final RefusedSteps steps;

	SchemePageController(Schemes schemes, RefusedSteps steps) {
		this.schemes = schemes;
		this.steps = steps;
	}

	@GetMapping("/evaluations/schemes")
	String schemes(Model model) {
		model.addAttribute("schemes", schemes.list());
		return "evaluation/schemes";
	}

	@GetMapping("/evaluations/schemes/{id}")
	String scheme(@PathVariable Long id, Model model) {
		model.addAttribute("scheme", schemes.get(id));
		model.addAttribute("evidenceKinds", EvidenceKind.values());
		model.addAttribute("indicatorKinds", Indicator.values());
		return "evaluation/scheme";
	}

	private String attempt(Long id, String form, Long row, Locale locale, Model model, Runnable step, String anchor,
			RedirectAttributes redirect, String... typed) {
		return steps.attempt(model, locale, form, row, () -> {
			step.run();
			redirect.addFlashAttribute("success", "evaluation.saved");
			return "redirect:/evaluations/schemes/" + id + anchor;
		}, () -> scheme(id, model), typed);
	}

	@PostMapping("/evaluations/schemes/{id}/criteria/{criterionId}")
	@PreAuthorize(RoleGroups.FEDERATION)
	String changeCriterion(@PathVariable Long id, @PathVariable Long criterionId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String maxPoints, @RequestParam(required = false) String guidance, Locale locale,
			Model model, RedirectAttributes redirect) {
		return attempt(id, "criterion", criterionId, locale, model,
				() -> schemes.updateCriterion(id, criterionId, title, maxPoints(maxPoints), guidance), "#c" + criterionId, redirect,
				"title", title, "maxPoints", maxPoints, "guidance", guidance);
	}

	@PostMapping("/evaluations/schemes/{id}/sections/{sectionId}/criteria")
	@PreAuthorize(RoleGroups.FEDERATION)
	String addCriterion(@PathVariable Long id, @PathVariable Long sectionId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String maxPoints, @RequestParam(required = false) String guidance,
			@RequestParam(required = false) EvidenceKind evidence, @RequestParam(required = false) Indicator indicator,
			@RequestParam(required = false) Boolean veto, Locale locale, Model model, RedirectAttributes redirect) {
		return attempt(id, "add-criterion", sectionId, locale, model,
				() -> schemes.addCriterion(id, sectionId, title, maxPoints(maxPoints), guidance, evidence, indicator,
						Boolean.TRUE.equals(veto)),
				"#s" + sectionId, redirect, "title", title, "maxPoints", maxPoints, "guidance", guidance, "evidence",
				evidence == null ? null : evidence.name(), "indicator", indicator == null ? null : indicator.name(), "veto",
				Boolean.TRUE.equals(veto) ? "true" : "");
	}

	@PostMapping("/evaluations/schemes/{id}/criteria/{criterionId}/remove")
	@PreAuthorize(RoleGroups.FEDERATION)
	String removeCriterion(@PathVariable Long id, @PathVariable Long criterionId, Locale locale, Model model,
			RedirectAttributes redirect) {
		return attempt(id, "criterion", criterionId, locale, model, () -> schemes.removeCriterion(id, criterionId), "", redirect);
	}

	@PostMapping("/evaluations/schemes/{id}/levels/{level}")
	@PreAuthorize(RoleGroups.FEDERATION)
	String changePassMark(@PathVariable Long id, @PathVariable EvaluationLevel level, @RequestParam(required = false) String passMark,
			Locale locale, Model model, RedirectAttributes redirect) {
		return attempt(id, "level-" + level, null, locale, model, () -> schemes.setPassMark(id, level,
				RefusedSteps.number(passMark, "passMark", "evaluation.scheme.passMarkInvalid", schemes.get(id).maxPoints())), "",
				redirect, "passMark", passMark);
	}

	private static Integer maxPoints(String typed) {
		return RefusedSteps.number(typed, "maxPoints", "evaluation.scheme.maxPointsInvalid");
	}

}
