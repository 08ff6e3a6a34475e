package org.chamberlink.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.evaluation.EvaluationLevel;
import org.chamberlink.evaluation.Recognition;
import org.chamberlink.evaluation.Recognitions;
import org.chamberlink.evaluation.Schemes;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
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
 * Recognitions per level and year, one recognition with its public notice and objections, an
 * organisation's own recognitions, the schemes (editable by federations) and the evaluation figures.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class RecognitionPageController {

	private final Recognitions recognitions;

	private final Schemes schemes;

	private final Organizations organizations;

	private final Figures figures;

	private final MessageSource messages;

	private final Clock clock;

	RecognitionPageController(Recognitions recognitions, Schemes schemes, Organizations organizations, Figures figures,
			MessageSource messages, Clock clock) {
		this.recognitions = recognitions;
		this.schemes = schemes;
		this.organizations = organizations;
		this.figures = figures;
		this.messages = messages;
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

	private String refused(Long id, String form, Long row, RuleViolationException e, AccountPrincipal me, Locale locale, Model model,
			String... typed) {
		model.addAttribute("refusal", RowRefusal.of(form, row, e, messages, locale, typed));
		return recognition(id, me, model);
	}

	@PostMapping("/evaluations/recognitions/{id}/objections")
	@PreAuthorize(RoleGroups.WORKERS)
	String object(@PathVariable Long id, @RequestParam(required = false) String raisedBy, @RequestParam(required = false) String text,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			recognitions.object(id, raisedBy, text);
			redirect.addFlashAttribute("success", "evaluation.objection.recorded");
			return "redirect:/evaluations/recognitions/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "objection", null, e, me, locale, model, "raisedBy", raisedBy, "text", text);
		}
	}

	@PostMapping("/evaluations/recognitions/{id}/objections/{objectionId}/answer")
	@PreAuthorize(RoleGroups.WORKERS)
	String answer(@PathVariable Long id, @PathVariable Long objectionId, @RequestParam(required = false) String answer,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			recognitions.answer(id, objectionId, answer);
			redirect.addFlashAttribute("success", "evaluation.objection.answered");
			return "redirect:/evaluations/recognitions/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "answer", objectionId, e, me, locale, model, "answer", answer);
		}
	}

	@PostMapping("/evaluations/recognitions/{id}/withdraw")
	@PreAuthorize(RoleGroups.WORKERS)
	String withdraw(@PathVariable Long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			recognitions.withdraw(id, reason);
			redirect.addFlashAttribute("success", "evaluation.withdrawn");
			return "redirect:/evaluations/recognitions/" + id;
		}
		catch (RuleViolationException e) {
			return refused(id, "withdraw", null, e, me, locale, model, "reason", reason);
		}
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

	// ---- schemes ----

	@GetMapping("/evaluations/schemes")
	String schemes(Model model) {
		model.addAttribute("schemes", schemes.list());
		return "evaluation/schemes";
	}

	@GetMapping("/evaluations/schemes/{id}")
	String scheme(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("scheme", schemes.get(id));
		return "evaluation/scheme";
	}

	@PostMapping("/evaluations/schemes/{id}/criteria/{criterionId}")
	@PreAuthorize(RoleGroups.FEDERATION)
	String changeCriterion(@PathVariable Long id, @PathVariable Long criterionId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String maxPoints, @RequestParam(required = false) String guidance,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Integer max;
			try {
				max = maxPoints == null || maxPoints.isBlank() ? null : Integer.valueOf(maxPoints.strip());
			}
			catch (NumberFormatException e) {
				throw new RuleViolationException("maxPoints", "evaluation.scheme.maxPointsInvalid");
			}
			schemes.updateCriterion(id, criterionId, title, max, guidance);
			redirect.addFlashAttribute("success", "evaluation.saved");
			return "redirect:/evaluations/schemes/" + id + "#c" + criterionId;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("criterion", criterionId, e, messages, locale, "title", title, "maxPoints",
					maxPoints, "guidance", guidance));
			return scheme(id, me, model);
		}
	}

	@PostMapping("/evaluations/schemes/{id}/levels/{level}")
	@PreAuthorize(RoleGroups.FEDERATION)
	String changePassMark(@PathVariable Long id, @PathVariable EvaluationLevel level, @RequestParam(required = false) String passMark,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Integer mark;
			try {
				mark = passMark == null || passMark.isBlank() ? null : Integer.valueOf(passMark.strip());
			}
			catch (NumberFormatException e) {
				throw new RuleViolationException("passMark", "evaluation.scheme.passMarkInvalid", schemes.get(id).maxPoints());
			}
			schemes.setPassMark(id, level, mark);
			redirect.addFlashAttribute("success", "evaluation.saved");
			return "redirect:/evaluations/schemes/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("level-" + level, null, e, messages, locale, "passMark", passMark));
			return scheme(id, me, model);
		}
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
