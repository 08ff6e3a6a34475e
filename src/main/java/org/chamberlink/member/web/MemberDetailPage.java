package org.chamberlink.member.web;

import org.chamberlink.web.DetailPanel;
import org.chamberlink.web.DetailPanels;
import org.chamberlink.shared.PageSizes;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyChangeProposals;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PartyHistory;
import org.chamberlink.organization.Organizations;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One member's page: drawn by its GET and again by a refused form on it (mail address, a company
 * led, a membership's change or end), which a {@code RowRefusal} in the model fills with what was
 * typed (decision 25).
 */
@Component
class MemberDetailPage {

	private final Members members;

	private final PartyHistory history;

	private final PartyChangeProposals proposals;

	private final MemberChoices choices;

	private final MemberAccounts memberAccounts;

	private final PartyEmails emails;

	private final Clock clock;

	private final Organizations organizations;

	private final DetailPanels panels;

	MemberDetailPage(Members members, PartyHistory history, PartyChangeProposals proposals, MemberChoices choices,
			MemberAccounts memberAccounts, PartyEmails emails, Clock clock, Organizations organizations,
			DetailPanels panels) {
		this.panels = panels;
		this.organizations = organizations;
		this.members = members;
		this.history = history;
		this.proposals = proposals;
		this.choices = choices;
		this.memberAccounts = memberAccounts;
		this.emails = emails;
		this.clock = clock;
	}

	String render(Long id, AccountPrincipal me, Model model) {
		choices.addTo(model);
		PartyDetails party = members.get(id);
		model.addAttribute("party", party);
		if (party.groupOrgId() != null) {
			model.addAttribute("groupOrgName", organizations.find(party.groupOrgId())
				.map(o -> o.name())
				.orElse(null));
		}
		model.addAttribute("memberships", members.memberships(id));
		model.addAttribute("related", members.related(id));
		model.addAttribute("hasLogin", memberAccounts.hasAccount(id));
		model.addAttribute("email", emails.of(id).orElse(null));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("history", history.of(id, PageRequest.of(0, PageSizes.HISTORY)));
		model.addAttribute("proposals", proposals.ofParty(id));
		// Merged duplicates keep their own history; it is read here, on the record that absorbed them.
		model.addAttribute("mergedHistory", history.ofMerged(id, PageRequest.of(0, PageSizes.HISTORY)));
		// panels of other modules (the honour roll …), which this module does not know (decision 0046)
		model.addAttribute("detailPanels", panels.of(DetailPanel.MEMBER, id));
		return "member/detail";
	}

	/** As {@link #render(Long, AccountPrincipal, Model)}, for the signed-in account of a form's request. */
	String render(Long id, Model model) {
		return render(id, (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal(), model);
	}

}
