package org.chamberlink.points.web;

import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.points.PointAction;
import org.chamberlink.points.PointBackfill;
import org.chamberlink.points.PointCategory;
import org.chamberlink.points.PointLevel;
import org.chamberlink.points.PointPreset;
import org.chamberlink.points.PointRuleForm;
import org.chamberlink.points.PointRules;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The point rules a reader is scored by or sets; a federation officer adds one (from a preset of
 * seed 003 or from scratch), switches one off or on, and back-fills one over a past period.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class PointRulesController {

	private final PointRules rules;

	private final PointBackfill backfill;

	private final MessageSource messages;

	PointRulesController(PointRules rules, PointBackfill backfill, MessageSource messages) {
		this.rules = rules;
		this.backfill = backfill;
		this.messages = messages;
	}

	@GetMapping("/points/rules")
	String list(@RequestParam(required = false) PointPreset preset, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model) {
		model.addAttribute("rules", rules.visible());
		model.addAttribute("presets", PointPreset.values());
		model.addAttribute("categories", PointCategory.values());
		model.addAttribute("actions", PointAction.values());
		model.addAttribute("levels", PointLevel.values());
		model.addAttribute("mine", me.orgId());
		if (!model.containsAttribute("ruleForm")) {
			model.addAttribute("ruleForm", preset == null ? PointRuleForm.empty()
					: PointRuleForm.of(preset, messages.getMessage("pointPreset." + preset.name(), null, locale)));
		}
		return "points/rules";
	}

	@PostMapping("/points/rules")
	@PreAuthorize(RoleGroups.FEDERATION)
	String create(@org.springframework.web.bind.annotation.ModelAttribute("ruleForm") PointRuleForm ruleForm, BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				rules.create(ruleForm);
				redirect.addFlashAttribute("success", "points.rule.created");
				return "redirect:/points/rules";
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return list(null, me, locale, model);
	}

	@PostMapping("/points/rules/{id}/active")
	@PreAuthorize(RoleGroups.FEDERATION)
	String active(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		rules.setActive(id, active);
		redirect.addFlashAttribute("success", active ? "points.rule.switchedOn" : "points.rule.switchedOff");
		return "redirect:/points/rules";
	}

	@PostMapping("/points/rules/{id}/backfill")
	@PreAuthorize(RoleGroups.FEDERATION)
	String backfill(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			int written = backfill.run(id, from, to);
			redirect.addFlashAttribute("success", "points.backfill.done");
			redirect.addFlashAttribute("backfilled", written);
			return "redirect:/points/rules";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("backfill", id, e, messages, locale, "from",
					from == null ? null : from.toString(), "to", to == null ? null : to.toString()));
			return list(null, me, locale, model);
		}
	}

}
