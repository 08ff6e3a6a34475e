package org.chamberlink.member.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.Members;
import org.chamberlink.member.PersonalDataReveal;
import org.chamberlink.web.Fragments;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The member list with its filters, and one member's page with memberships and history. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class MemberPageController {

	static final int PAGE_SIZE = PageSizes.LIST;

	private final Members members;

	private final PersonalDataReveal reveal;

	private final MemberChoices choices;

	private final MemberDetailPage detailPage;

	private final Clock clock;

	MemberPageController(Members members, PersonalDataReveal reveal, MemberChoices choices, MemberDetailPage detailPage,
			Clock clock) {
		this.members = members;
		this.reveal = reveal;
		this.choices = choices;
		this.detailPage = detailPage;
		this.clock = clock;
	}

	@GetMapping("/members")
	String list(MemberFilter filter, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
			Model model) {
		choices.addTo(model);
		model.addAttribute("filter", filter);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("members", members.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return Fragments.pageOr(request, "member/list", "results");
	}

	/**
	 * The roster as the list's filter gives it, for paper: every row up to {@link PageSizes#PRINT}
	 * (a larger one says to export instead), phones masked, the printing date on the sheet.
	 */
	@GetMapping("/members/print")
	String print(MemberFilter filter, Model model) {
		choices.addTo(model);
		model.addAttribute("members", members.search(filter, PageRequest.of(0, PageSizes.PRINT)));
		model.addAttribute("printLimit", PageSizes.PRINT);
		model.addAttribute("today", LocalDate.now(clock));
		return "member/print";
	}

	@GetMapping("/members/{id}")
	String detail(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return detailPage.render(id, me, model);
	}

	/** htmx swaps the masked value for the full one; the reveal is audited. */
	@PostMapping(path = "/members/{id}/reveal", produces = "text/plain;charset=UTF-8")
	@PreAuthorize(RoleGroups.ADMINS)
	@ResponseBody
	String reveal(@PathVariable Long id, @RequestParam PersonalDataReveal.Field field) {
		return reveal.reveal(id, field);
	}

}
