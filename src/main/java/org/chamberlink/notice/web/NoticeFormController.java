package org.chamberlink.notice.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Industries;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.notice.NoticeForm;
import org.chamberlink.notice.NoticeKind;
import org.chamberlink.notice.NoticeSending;
import org.chamberlink.notice.NoticeUpload;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing and sending a notice or a data call (Post/Redirect/Get): the sender, the audience of
 * organisations and of members, title, rich-text body, times, attachments and a data call's Excel
 * template. A refused form comes back with what was typed and the message on its field (422); the
 * files must be chosen again, as browsers never refill a file input.
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class NoticeFormController {

	private final NoticeSending sending;

	private final Organizations organizations;

	private final Industries industries;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	NoticeFormController(NoticeSending sending, Organizations organizations, Industries industries, Clock clock,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.sending = sending;
		this.organizations = organizations;
		this.industries = industries;
		this.clock = clock;
	}

	@GetMapping("/notices/new")
	String create(@RequestParam(required = false) NoticeKind kind, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		NoticeKind chosen = kind == null ? NoticeKind.NOTICE : kind;
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		// a chamber has nobody below it but its members: its notice goes to them unless it chooses otherwise
		boolean organisationsBelow = me.orgId() == null || !organizations.children(me.orgId()).isEmpty();
		model.addAttribute("form", new NoticeForm(me.orgId(), chosen, "", "", null, null, false,
				chosen == NoticeKind.DATA_CALL ? today.plusDays(7).atTime(17, 0) : null, organisationsBelow || chosen == NoticeKind.DATA_CALL,
				List.of(), List.of(), List.of(), null, List.of(), !organisationsBelow && chosen == NoticeKind.NOTICE, List.of(), List.of(),
				List.of(), List.of()));
		return form(me, model);
	}

	@PostMapping("/notices/new")
	String save(@ModelAttribute("form") NoticeForm form, BindingResult result,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
			@RequestParam(name = "template", required = false) MultipartFile template, @AuthenticationPrincipal AccountPrincipal me,
			java.util.Locale locale, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				NoticeUpload workbook = form.kind() == NoticeKind.DATA_CALL ? NoticeUploads.of(template) : null;
				Long id = sending.send(me, form, NoticeUploads.of(attachments), workbook);
				redirect.addFlashAttribute("success", form.kind() == NoticeKind.DATA_CALL ? "notice.dataCallSent" : "notice.sent");
				return "redirect:/notices/" + id;
			}
			catch (RuleViolationException e) {
				// the files are no property of the form: their message goes to the top and under the file input
				FormErrors.reject(result, e);
				if ("attachments".equals(e.field()) || "template".equals(e.field())) {
					model.addAttribute("fileField", e.field());
					model.addAttribute("fileMessage", messages.getMessage(e.messageKey(), e.arguments(), locale));
				}
			}
		}
		return form(me, model);
	}

	/** The form with its choices: senders the caller may send from, the levels, types, kinds, roles, tiers, industries, and the organisations below. */
	private String form(AccountPrincipal me, Model model) {
		model.addAttribute("senders", senders(me));
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("levels", List.of("PROVINCE", "CITY", "COUNTY"));
		model.addAttribute("types", OrganizationType.values());
		model.addAttribute("chamberKinds", ChamberKind.values());
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("industries", industries.all().stream().filter(i -> i.isDivision()).toList());
		model.addAttribute("below", me.orgId() == null ? List.of() : organizations.children(me.orgId()));
		return "notice/form";
	}

	private List<OrganizationSummary> senders(AccountPrincipal me) {
		if (me.orgId() == null) {
			return organizations.roots();
		}
		List<OrganizationSummary> choices = new ArrayList<>();
		choices.add(organizations.get(me.orgId()));
		choices.addAll(organizations.children(me.orgId()));
		return choices;
	}

}
