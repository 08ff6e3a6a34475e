package org.chamberlink.honour.web;

import java.util.Locale;
import java.util.List;

import org.chamberlink.honour.HonourAwards;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The member's own honours in the portal (stacked cards for a phone), each with its certificate and verification link. */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class HonourPortalController {

	private final HonourAwards awards;

	private final CertificatePdf certificates;

	HonourPortalController(HonourAwards awards, CertificatePdf certificates) {
		this.awards = awards;
		this.certificates = certificates;
	}

	@GetMapping("/portal/honours")
	String own(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("roll", awards.own(me));
		return "honour/portal";
	}

	@GetMapping("/portal/honours/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale) {
		var award = awards.ownAward(me, id).orElseThrow(() -> new RecordNotFoundException("HonourAward", id));
		return HonourPageController.pdf(certificates.render(List.of(award), HonourPageController::verificationUrl, locale),
				"certificate-" + id + ".pdf");
	}

}
