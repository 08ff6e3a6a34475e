package org.chamberlink.proposal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;
import org.chamberlink.web.UploadNames;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the proposal pages share: the organisations one may act for, a refused form's redraw, a file sent as a download. */
@Component
class ProposalPages {

	private final Organizations organizations;

	private final MessageSource messages;

	ProposalPages(Organizations organizations, MessageSource messages) {
		this.organizations = organizations;
		this.messages = messages;
	}

	/** The caller's organisation and those directly below it (a system administrator: the top ones). */
	List<OrganizationSummary> organisations(AccountPrincipal me) {
		if (me.orgId() == null) {
			return organizations.roots();
		}
		List<OrganizationSummary> choices = new ArrayList<>();
		choices.add(organizations.get(me.orgId()));
		choices.addAll(organizations.children(me.orgId()));
		return choices;
	}

	void refused(Model model, String form, RuleViolationException e, Locale locale, String... typed) {
		model.addAttribute("refusal", RowRefusal.of(form, null, e, messages, locale, typed));
	}

	String done(String to, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", notice);
		return "redirect:" + to;
	}

	static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	static String text(LocalDate value) {
		return value == null ? "" : value.toString();
	}

	static ResponseEntity<byte[]> download(String name, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(name == null ? "document" : UploadNames.clean(name), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(bytes);
	}

}
