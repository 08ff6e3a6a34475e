package org.chamberlink.benefit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.benefit.BenefitFigures;
import org.chamberlink.benefit.Merchant;
import org.chamberlink.benefit.MerchantCategory;
import org.chamberlink.benefit.MerchantForm;
import org.chamberlink.benefit.Merchants;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partner merchants for staff: the list of the subtree's merchants (stacked cards on a phone), the
 * form to sign or change one, and a merchant's page with its uses by month and its till's sign-in.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class MerchantPageController {

	private final Merchants merchants;

	private final BenefitFigures figures;

	private final Organizations organizations;

	private final MessageSource messages;

	MerchantPageController(Merchants merchants, BenefitFigures figures, Organizations organizations, MessageSource messages) {
		this.merchants = merchants;
		this.figures = figures;
		this.organizations = organizations;
		this.messages = messages;
	}

	@GetMapping("/benefit/merchants")
	String list(Model model) {
		model.addAttribute("merchants", merchants.list());
		return "benefit/merchants";
	}

	@GetMapping("/benefit/merchants/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("form", new MerchantForm(me.orgId(), "", null, "", "", null, null));
		return form(me, null, model);
	}

	@PostMapping("/benefit/merchants/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String save(@ModelAttribute("form") MerchantForm form, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Long id = merchants.create(form);
				redirect.addFlashAttribute("success", "benefit.merchant.saved");
				return "redirect:/benefit/merchants/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return form(me, null, model);
	}

	@GetMapping("/benefit/merchants/{id}/edit")
	@PreAuthorize(RoleGroups.WORKERS)
	String edit(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Merchant merchant = merchants.get(id);
		model.addAttribute("form", MerchantForm.of(merchant));
		return form(me, merchant, model);
	}

	@PostMapping("/benefit/merchants/{id}/edit")
	@PreAuthorize(RoleGroups.WORKERS)
	String update(@PathVariable Long id, @ModelAttribute("form") MerchantForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		Merchant merchant = merchants.get(id);
		if (!result.hasErrors()) {
			try {
				merchants.update(id, form);
				redirect.addFlashAttribute("success", "benefit.merchant.saved");
				return "redirect:/benefit/merchants/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return form(me, merchant, model);
	}

	@GetMapping("/benefit/merchants/{id}")
	String detail(@PathVariable Long id, Model model) {
		model.addAttribute("merchant", merchants.get(id));
		model.addAttribute("months", figures.byMonth(id));
		return "benefit/merchant";
	}

	@PostMapping("/benefit/merchants/{id}/account")
	@PreAuthorize(RoleGroups.ADMINS)
	String openAccount(@PathVariable Long id, Locale locale, Model model) {
		merchants.get(id);
		try {
			model.addAttribute("opened", merchants.openAccount(id));
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("account", null, e, messages, locale));
		}
		return detail(id, model);
	}

	private String form(AccountPrincipal me, Merchant merchant, Model model) {
		model.addAttribute("merchant", merchant);
		model.addAttribute("organizations", choices(me));
		model.addAttribute("categories", MerchantCategory.values());
		return "benefit/merchant-form";
	}

	/** The caller's organisation and those directly below it (a system administrator: the top ones). */
	private List<OrganizationSummary> choices(AccountPrincipal me) {
		if (me.orgId() == null) {
			return organizations.roots();
		}
		List<OrganizationSummary> choices = new ArrayList<>();
		choices.add(organizations.get(me.orgId()));
		choices.addAll(organizations.children(me.orgId()));
		return choices;
	}

}
