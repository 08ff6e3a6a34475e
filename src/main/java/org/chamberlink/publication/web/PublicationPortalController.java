package org.chamberlink.publication.web;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.publication.Publications;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The member portal's publications: the issues of their organisations' publications, each PDF one tap away. */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class PublicationPortalController {

	private final Publications publications;

	PublicationPortalController(Publications publications) {
		this.publications = publications;
	}

	@GetMapping("/portal/publications")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("issues", publications.issuesFor(me));
		return "publication/portal-publications";
	}

	@GetMapping("/portal/publications/issues/{issueId}/pdf")
	ResponseEntity<byte[]> read(@PathVariable Long issueId, @AuthenticationPrincipal AccountPrincipal me) {
		return PublicationPageController.send(publications.read(me, issueId)
			.orElseThrow(() -> new RecordNotFoundException("Issue", issueId)));
	}

}
