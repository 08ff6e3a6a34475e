package org.chamberlink.honour.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourNominations;
import org.chamberlink.honour.Programme;
import org.chamberlink.honour.SelfApplicationForm;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's own honours in the portal (stacked cards for a phone), each with its certificate and
 * verification link; the programmes the member may apply for themselves, the application form and
 * the member's applications with their state.
 */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class HonourPortalController {

	/** A self-application as typed. */
	record ApplyInput(Long programmeId, HonourLevel level, Long membershipId, String reasons, String evidence) {
	}

	private final HonourAwards awards;

	private final HonourNominations nominations;

	private final CertificatePdf certificates;

	HonourPortalController(HonourAwards awards, HonourNominations nominations, CertificatePdf certificates) {
		this.awards = awards;
		this.nominations = nominations;
		this.certificates = certificates;
	}

	@GetMapping("/portal/honours")
	String own(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("roll", awards.own(me));
		List<Programme> open = nominations.openTo(me);
		model.addAttribute("openProgrammes", open);
		Set<HonourLevel> levels = new LinkedHashSet<>();
		open.forEach(p -> levels.addAll(p.levels()));
		model.addAttribute("applyLevels", levels);
		model.addAttribute("ownMemberships", nominations.ownMemberships(me));
		model.addAttribute("applications", nominations.ownApplications(me));
		if (!model.containsAttribute("applyInput")) {
			model.addAttribute("applyInput", new ApplyInput(open.isEmpty() ? null : open.get(0).id(),
					open.isEmpty() ? null : open.get(0).levels().get(0), null, null, null));
		}
		return "honour/portal";
	}

	@PostMapping("/portal/honours/apply")
	String apply(ApplyInput applyInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				nominations.apply(me, new SelfApplicationForm(applyInput.programmeId(), applyInput.level(), applyInput.membershipId(),
						applyInput.reasons(), applyInput.evidence()));
				redirect.addFlashAttribute("success", "honour.apply.saved");
				return "redirect:/portal/honours";
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return own(me, model);
	}

	@GetMapping("/portal/honours/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale) {
		var award = awards.ownAward(me, id).orElseThrow(() -> new RecordNotFoundException("HonourAward", id));
		return AwardPages.pdf(certificates.render(List.of(award), AwardPages::verificationUrl, locale),
				"certificate-" + id + ".pdf");
	}

}
