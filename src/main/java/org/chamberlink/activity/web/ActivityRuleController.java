package org.chamberlink.activity.web;

import java.util.Locale;

import org.chamberlink.activity.ActivityRules;
import org.chamberlink.activity.QuorumRule;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The statute rule of the administrator's own organisation for its governance meetings: the share
 * of those who may attend that must be present, and the share of those present a resolution needs;
 * the default (more than two thirds, more than half) shown beside it.
 */
@Controller
@PreAuthorize(RoleGroups.ADMINS)
class ActivityRuleController {

	/** The rule as typed: each fraction's numerator and denominator. */
	record RuleForm(Integer quorumNumerator, Integer quorumDenominator, Integer passNumerator, Integer passDenominator) {

		static RuleForm of(QuorumRule rule) {
			return new RuleForm(rule.quorumNumerator(), rule.quorumDenominator(), rule.passNumerator(), rule.passDenominator());
		}

		QuorumRule rule() {
			if (quorumNumerator == null || quorumDenominator == null) {
				throw new RuleViolationException(quorumNumerator == null ? "quorumNumerator" : "quorumDenominator",
						"activity.rule.required");
			}
			if (passNumerator == null || passDenominator == null) {
				throw new RuleViolationException(passNumerator == null ? "passNumerator" : "passDenominator",
						"activity.rule.required");
			}
			return new QuorumRule(quorumNumerator, quorumDenominator, passNumerator, passDenominator);
		}

	}

	private final ActivityRules rules;

	private final Organizations organizations;

	ActivityRuleController(ActivityRules rules, Organizations organizations) {
		this.rules = rules;
		this.organizations = organizations;
	}

	@GetMapping("/activities/settings")
	String settings(@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		if (me.orgId() != null) {
			QuorumRule rule = rules.of(me.orgId());
			model.addAttribute("org", organizations.get(me.orgId()));
			model.addAttribute("rule", rule);
			model.addAttribute("isDefault", rule.equals(QuorumRule.DEFAULT));
			model.addAttribute("ruleQuorum", QuorumWords.fraction(rule.quorumNumerator(), rule.quorumDenominator(), locale));
			model.addAttribute("rulePass", QuorumWords.fraction(rule.passNumerator(), rule.passDenominator(), locale));
			if (!model.containsAttribute("ruleForm")) {
				model.addAttribute("ruleForm", RuleForm.of(rule));
			}
		}
		QuorumRule standard = QuorumRule.DEFAULT;
		model.addAttribute("defaultQuorum", QuorumWords.fraction(standard.quorumNumerator(), standard.quorumDenominator(), locale));
		model.addAttribute("defaultPass", QuorumWords.fraction(standard.passNumerator(), standard.passDenominator(), locale));
		return "activity/settings";
	}

	@PostMapping("/activities/settings")
	String set(RuleForm ruleForm, BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				rules.set(me.orgId(), ruleForm.rule());
				redirect.addFlashAttribute("success", "activity.rule.saved");
				return "redirect:/activities/settings";
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return settings(me, locale, model);
	}

}
