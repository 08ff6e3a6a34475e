package org.chamberlink.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.chamberlink.identity.AccountEmails;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.AccountSessions;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password, sessions on all devices, API tokens. */
@Controller
class AccountController {

	private final AccountManagement accounts;

	private final AccountSessions sessions;

	private final ApiTokens tokens;

	private final SecurityContextRepository contextRepository;

	private final AccountEmails emails;

	AccountController(AccountManagement accounts, AccountSessions sessions, ApiTokens tokens,
			SecurityContextRepository contextRepository, AccountEmails emails) {
		this.emails = emails;
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.contextRepository = contextRepository;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", sessions.list(me.getUsername(), request.getSession().getId()));
		model.addAttribute("tokens", tokens.list(me.id()));
		if (!model.containsAttribute("emailForm")) {
			model.addAttribute("emailForm", new EmailForm(emails.of(me.id()).orElse("")));
		}
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", new TokenForm(""));
		}
		return "identity/account";
	}

	/** The account's own mail address as typed. */
	record EmailForm(String email) {
	}

	/** The name of a new API token as typed. */
	record TokenForm(String name) {
	}

	@PostMapping("/account/email")
	String email(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("emailForm") EmailForm form,
			BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		try {
			emails.setOwn(me, form.email());
			redirect.addFlashAttribute("success", "account.emailSaved");
			return "redirect:/account";
		}
		catch (RuleViolationException e) {
			FormErrors.reject(result, e);
			return account(me, request, model);
		}
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("passwordForm", PasswordForm.empty());
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (result.hasErrors()) {
			return "identity/password";
		}
		AccountPrincipal updated;
		try {
			updated = accounts.changePassword(me.id(), form.currentPassword(), form.newPassword());
		}
		catch (RuleViolationException e) {
			FormErrors.reject(result, e);
			return "identity/password";
		}
		// A changed password ends every other session of the account, on every instance.
		sessions.endAll(me.getUsername(), request.getSession().getId());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contextRepository.saveContext(context, request, response);
		redirect.addFlashAttribute("success", "password.changed");
		return "redirect:/";
	}

	@PostMapping("/account/sessions/end-others")
	String endOtherSessions(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		sessions.endAll(me.getUsername(), request.getSession().getId());
		redirect.addFlashAttribute("success", "sessions.othersEnded");
		return "redirect:/account";
	}

	@PostMapping("/account/sessions/end-all")
	String endAllSessions(@AuthenticationPrincipal AccountPrincipal me) {
		sessions.endAll(me.getUsername(), null);
		return "redirect:/login?signedOut";
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("tokenForm") TokenForm form,
			BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		try {
			ApiTokens.CreatedToken created = tokens.create(me.id(), form.name() == null ? "" : form.name());
			redirect.addFlashAttribute("createdToken", created.secret());
			return "redirect:/account#tokens";
		}
		catch (RuleViolationException e) {
			FormErrors.reject(result, e);
			return account(me, request, model);
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal AccountPrincipal me, @PathVariable Long id,
			RedirectAttributes redirect) {
		tokens.revoke(me.id(), id);
		redirect.addFlashAttribute("success", "token.revoked");
		return "redirect:/account#tokens";
	}

}
