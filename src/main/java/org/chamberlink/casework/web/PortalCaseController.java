package org.chamberlink.casework.web;

import org.chamberlink.identity.RoleGroups;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseSatisfaction;
import org.chamberlink.casework.CaseView;
import org.chamberlink.casework.PortalCaseFiling;
import org.chamberlink.casework.PortalCaseForm;
import org.chamberlink.casework.PortalCases;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.member.MembershipStatus;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member portal's cases: file a need or complaint on the phone, follow its trail, rate it, reopen it once. */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class PortalCaseController {

	private final PortalCases cases;

	private final PortalCaseFiling filing;

	private final CaseSatisfaction satisfaction;

	private final MemberAccounts memberAccounts;

	private final MessageSource messages;

	private final Clock clock;

	PortalCaseController(PortalCases cases, PortalCaseFiling filing, CaseSatisfaction satisfaction,
			MemberAccounts memberAccounts, MessageSource messages, Clock clock) {
		this.cases = cases;
		this.filing = filing;
		this.satisfaction = satisfaction;
		this.memberAccounts = memberAccounts;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/portal/cases")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("cases", cases.own(me));
		model.addAttribute("today", LocalDate.now(clock));
		return "casework/portal";
	}

	@GetMapping("/portal/cases/new")
	String newCase(@RequestParam(defaultValue = "COMPLAINT") CaseKind kind, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		CaseKind chosen = kind == CaseKind.MEDIATION ? CaseKind.COMPLAINT : kind;
		model.addAttribute("kind", chosen);
		model.addAttribute("categories", chosen.categories());
		model.addAttribute("memberships", memberAccounts.membershipsOf(me)
			.stream()
			.filter(m -> m.status(LocalDate.now(clock)) == MembershipStatus.ACTIVE)
			.toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PortalCaseForm.blank(chosen));
		}
		return "casework/portal-new";
	}

	@PostMapping("/portal/cases")
	String file(@ModelAttribute("form") PortalCaseForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) throws IOException {
		if (!result.hasErrors()) {
			try {
				Long id = filing.fileOwnWithAttachment(me, form, Uploads.of(file));
				redirect.addFlashAttribute("success", "case.portal.filed");
				return "redirect:/portal/cases/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return newCase(form.kind() == null ? CaseKind.COMPLAINT : form.kind(), me, model);
	}

	@GetMapping("/portal/cases/{id}")
	String detail(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		CaseView kase = cases.own(me, id);
		model.addAttribute("case", kase);
		model.addAttribute("attachments", cases.ownAttachments(me, id));
		model.addAttribute("reopenable", kase.reopenable(clock.instant()));
		model.addAttribute("trail", cases.trail(me, id));
		return "casework/portal-case";
	}

	@PostMapping("/portal/cases/{id}/rating")
	String rate(@PathVariable Long id, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			satisfaction.rate(me, id, TypedInput.rating(rating), comment);
		}
		catch (RuleViolationException e) {
			return refused(id, "rating", e, me, locale, model, response, "rating", rating, "comment", comment);
		}
		catch (RecordNotFoundException notTheirs) {
			return notTheirs(locale, redirect);
		}
		redirect.addFlashAttribute("success", "case.portal.rated");
		return "redirect:/portal/cases/" + id;
	}

	@PostMapping("/portal/cases/{id}/reopen")
	String reopen(@PathVariable Long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			satisfaction.reopen(me, id, reason);
		}
		catch (RuleViolationException e) {
			return refused(id, "reopen", e, me, locale, model, response, "reason", reason);
		}
		catch (RecordNotFoundException notTheirs) {
			return notTheirs(locale, redirect);
		}
		redirect.addFlashAttribute("success", "case.portal.reopened");
		return "redirect:/portal/cases/" + id;
	}

	/**
	 * The member's case drawn again by the refused request (422, decision 25): the form holds what they
	 * typed, the message on its field; one about the case (too late, done already) above it, since its
	 * form is no longer shown.
	 */
	private String refused(Long id, String form, RuleViolationException e, AccountPrincipal me, Locale locale,
			Model model, HttpServletResponse response, String... typed) {
		RowRefusal refusal = RowRefusal.of(form, id, e, messages, locale, typed);
		model.addAttribute(CaseDetailPage.aboutTheCase(e) ? "caseRefusal" : "refusal", refusal);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return detail(id, me, model);
	}

	/** Someone else's case (or none): said plainly, without telling whether it exists. */
	private String notTheirs(Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("stepError", messages.getMessage("case.portal.notYours", null, locale));
		return "redirect:/portal/cases";
	}

	@GetMapping("/portal/cases/{id}/attachments/{attachmentId}")
	org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable Long id, @PathVariable Long attachmentId,
			@AuthenticationPrincipal AccountPrincipal me) {
		var file = cases.ownAttachment(me, id, attachmentId);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

}
