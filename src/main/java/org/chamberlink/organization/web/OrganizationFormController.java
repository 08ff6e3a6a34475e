package org.chamberlink.organization.web;

import org.chamberlink.identity.RoleGroups;
import java.util.Locale;

import jakarta.validation.Valid;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.Leadership;
import org.chamberlink.organization.LeadershipRole;
import org.chamberlink.organization.NewLeadershipTerm;
import org.chamberlink.organization.NewOrganization;
import org.chamberlink.organization.OrganizationAccounts;
import org.chamberlink.organization.OrganizationChanges;
import org.chamberlink.organization.OrganizationDissolution;
import org.chamberlink.organization.OrganizationManagement;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Register, edit, and record leadership terms: Post/Redirect/Get with a flash message; on
 * failure the form comes back with each message next to its field and nothing is saved.
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class OrganizationFormController {

	private final Organizations organizations;

	private final OrganizationManagement management;

	private final OrganizationDissolution dissolution;

	private final Leadership leadership;

	private final MessageSource messages;

	private final OrganizationAccounts organizationAccounts;

	private final OrganizationDetailPage detailPage;

	OrganizationFormController(Organizations organizations, OrganizationManagement management,
			OrganizationDissolution dissolution, Leadership leadership, MessageSource messages, OrganizationAccounts organizationAccounts,
			OrganizationDetailPage detailPage) {
		this.organizationAccounts = organizationAccounts;
		this.detailPage = detailPage;
		this.organizations = organizations;
		this.management = management;
		this.dissolution = dissolution;
		this.leadership = leadership;
		this.messages = messages;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("kinds", ChamberKind.values());
		model.addAttribute("types", OrganizationType.values());
		model.addAttribute("roles", LeadershipRole.values());
	}

	@GetMapping("/organizations/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		editing(id, model);
		model.addAttribute("form", OrganizationChanges.of(organizations.details(id)));
		return "organization/edit";
	}

	@PostMapping("/organizations/{id}/edit")
	String save(@PathVariable Long id, @Valid @ModelAttribute("form") OrganizationChanges form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		editing(id, model);
		if (result.hasErrors()) {
			return "organization/edit";
		}
		try {
			management.update(id, form);
		}
		catch (RuleViolationException e) {
			FormErrors.reject(result, e);
			return "organization/edit";
		}
		redirect.addFlashAttribute("success", "organization.saved");
		return "redirect:/organizations/" + id;
	}

	/** The record being edited, its parent's name, and whether its place in the tree is fixed for this account. */
	private void editing(Long id, Model model) {
		model.addAttribute("org", organizations.details(id));
		model.addAttribute("parentName", management.parentName(id).orElse(null));
		// its region must lie inside its parent's: the region picker offers only those
		model.addAttribute("parentRegion", management.parentRegionCode(id).orElse(null));
		model.addAttribute("placeFixed", !management.mayChangePlace(id));
	}

	@GetMapping("/organizations/new")
	@PreAuthorize(RoleGroups.FEDERATION)
	String create(@RequestParam Long parentId, Model model) {
		model.addAttribute("parent", organizations.get(parentId));
		model.addAttribute("form", new NewOrganization(OrganizationType.CHAMBER, null, ChamberKind.TOWNSHIP, "", "",
				parentId, null, false, null, "NONE", null));
		return "organization/new";
	}

	@PostMapping("/organizations/new")
	@PreAuthorize(RoleGroups.FEDERATION)
	String register(@Valid @ModelAttribute("form") NewOrganization form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("parent", organizations.get(form.parentId()));
		if (result.hasErrors()) {
			return "organization/new";
		}
		try {
			var created = management.create(form);
			redirect.addFlashAttribute("success", "organization.created");
			return "redirect:/organizations/" + created.id();
		}
		catch (RuleViolationException e) {
			FormErrors.reject(result, e);
			return "organization/new";
		}
	}

	@PostMapping("/organizations/{id}/dissolve")
	@PreAuthorize(RoleGroups.FEDERATION)
	String dissolve(@PathVariable Long id, Locale locale, RedirectAttributes redirect) {
		try {
			dissolution.dissolve(id);
			redirect.addFlashAttribute("success", "organization.dissolved");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("dissolveError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/organizations/" + id;
	}

	@PostMapping("/organizations/{id}/accounts")
	@PreAuthorize(RoleGroups.ADMINS)
	String addAccount(@PathVariable Long id,
			@ModelAttribute("account") OrganizationAccountsController.NewAccountRequest account, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				var created = organizationAccounts.create(id, account.username(), account.displayName(), account.role());
				// Flash attributes are serialized into the JDBC session: plain strings only.
				redirect.addFlashAttribute("createdUsername", created.account().username());
				redirect.addFlashAttribute("createdPassword", created.initialPassword());
				return "redirect:/organizations/" + id + "#accounts";
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return detailPage.render(id, me, model);
	}

	@PostMapping("/organizations/{id}/leadership")
	String addTerm(@PathVariable Long id, @Valid @ModelAttribute("newLeadershipTerm") NewLeadershipTerm term,
			BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				leadership.add(id, term);
				redirect.addFlashAttribute("success", "leadership.added");
				return "redirect:/organizations/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return detailPage.render(id, me, model);
	}

}
