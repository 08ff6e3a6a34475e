package org.chamberlink.welfare.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.MemberRow;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipStatus;
import org.chamberlink.member.PartyKind;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the welfare pages share: the organisations one may act for, member choices, and a refused form's redraw. */
@Component
class WelfarePages {

	private final Organizations organizations;

	private final Members members;

	private final MessageSource messages;

	WelfarePages(Organizations organizations, Members members, MessageSource messages) {
		this.organizations = organizations;
		this.members = members;
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

	/** Current members of a kind in the caller's scope, by name (at most 300), for a form's choice. */
	List<MemberRow> members(PartyKind kind) {
		return members.search(new MemberFilter(null, kind, null, null, null, null, null, null, null, MembershipStatus.ACTIVE, null,
				null, "name"), PageRequest.of(0, 300)).getContent();
	}

	/** A refused form: its message on the page drawn again, with what was typed (answers 422). */
	void refused(Model model, String form, RuleViolationException e, Locale locale, String... typed) {
		model.addAttribute("refusal", RowRefusal.of(form, null, e, messages, locale, typed));
	}

	org.springframework.context.MessageSource messages() {
		return messages;
	}

	String done(String to, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", notice);
		return "redirect:" + to;
	}

}
