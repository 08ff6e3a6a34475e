package org.chamberlink.disclosure.web;

import org.chamberlink.disclosure.MemberDisclosures;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member reads the published 三公开 disclosures of their organisations in the portal (stacked for a phone). */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class DisclosurePortalController {

	private final MemberDisclosures memberDisclosures;

	DisclosurePortalController(MemberDisclosures memberDisclosures) {
		this.memberDisclosures = memberDisclosures;
	}

	@GetMapping("/portal/disclosures")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("disclosures", memberDisclosures.forMember(me));
		return "disclosure/portal";
	}

	@GetMapping("/portal/disclosures/{id}")
	String read(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("view", memberDisclosures.memberView(me, id));
		return "disclosure/portal-read";
	}

	@GetMapping("/portal/disclosures/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable Long documentId, @AuthenticationPrincipal AccountPrincipal me) {
		return DisclosurePageController.download(memberDisclosures.documentForMember(me, documentId));
	}

}
