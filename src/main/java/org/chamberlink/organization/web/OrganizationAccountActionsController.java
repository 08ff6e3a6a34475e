package org.chamberlink.organization.web;

import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationAccounts;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an organisation's administrator does to the accounts listed on its page: disable one that
 * should no longer sign in (someone who left), enable it again, give it a new one-time password.
 */
@Controller
@PreAuthorize(RoleGroups.ADMINS)
class OrganizationAccountActionsController {

	private final OrganizationAccounts accounts;

	private final OrganizationDetailPage detailPage;

	private final MessageSource messages;

	OrganizationAccountActionsController(OrganizationAccounts accounts, OrganizationDetailPage detailPage,
			MessageSource messages) {
		this.accounts = accounts;
		this.detailPage = detailPage;
		this.messages = messages;
	}

	@PostMapping("/organizations/{id}/accounts/{accountId}/disable")
	String disable(@PathVariable Long id, @PathVariable Long accountId, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		return enabled(id, accountId, false, me, locale, model, redirect);
	}

	@PostMapping("/organizations/{id}/accounts/{accountId}/enable")
	String enable(@PathVariable Long id, @PathVariable Long accountId, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		return enabled(id, accountId, true, me, locale, model, redirect);
	}

	@PostMapping("/organizations/{id}/accounts/{accountId}/password-reset")
	String resetPassword(@PathVariable Long id, @PathVariable Long accountId,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			var reset = accounts.resetPassword(id, accountId);
			// Flash attributes are serialized into the JDBC session: plain strings only.
			redirect.addFlashAttribute("resetUsername", reset.account().username());
			redirect.addFlashAttribute("resetPassword", reset.initialPassword());
			return "redirect:/organizations/" + id + "#accounts";
		}
		catch (RuleViolationException e) {
			return refused(id, accountId, e, me, locale, model);
		}
	}

	private String enabled(Long id, Long accountId, boolean enabled, AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			var account = accounts.setEnabled(id, accountId, enabled);
			redirect.addFlashAttribute("accountNotice",
					messages.getMessage(enabled ? "account.enabledNotice" : "account.disabledNotice",
							new Object[] { account.username() }, locale));
			return "redirect:/organizations/" + id + "#accounts";
		}
		catch (RuleViolationException e) {
			return refused(id, accountId, e, me, locale, model);
		}
	}

	private String refused(Long id, Long accountId, RuleViolationException e, AccountPrincipal me, Locale locale,
			Model model) {
		model.addAttribute("refusal", RowRefusal.of("account", accountId, e, messages, locale));
		return detailPage.render(id, me, model);
	}

}
