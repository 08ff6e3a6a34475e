package org.chamberlink.honour.web;

import java.util.List;

import org.chamberlink.honour.Award;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourRolls;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.Organizations;
import org.chamberlink.web.Fragments;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** The honour rolls of an organisation (with publishing it as a signed-out page) and of a member. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class HonourRollPages {

	private final HonourAwards awards;

	private final HonourRolls rolls;

	private final Organizations organizations;

	HonourRollPages(HonourAwards awards, HonourRolls rolls, Organizations organizations) {
		this.awards = awards;
		this.rolls = rolls;
		this.organizations = organizations;
	}

	/**
	 * An organisation's honour roll: a page (with publishing it as a signed-out public roll), or
	 * (htmx) the panel on the organisation's page (decision 0046).
	 */
	@GetMapping("/honours/roll/organization/{orgId}")
	String organizationRoll(@PathVariable Long orgId, Model model, HttpServletRequest request) {
		model.addAttribute("rollOf", organizations.get(orgId).name());
		model.addAttribute("roll", awards.rollOfOrganization(orgId));
		model.addAttribute("rollOrgId", orgId);
		model.addAttribute("published", rolls.published(orgId));
		return Fragments.pageOr(request, "honour/roll", "roll");
	}

	/** The organisation publishes its honour roll (a signed-out page, /honours/public/{orgId}) or withdraws it. */
	@PostMapping("/honours/roll/organization/{orgId}/{action:publish|withdraw}")
	@PreAuthorize(RoleGroups.WORKERS)
	String publishRoll(@PathVariable Long orgId, @PathVariable String action, RedirectAttributes redirect) {
		if ("publish".equals(action)) {
			rolls.publish(orgId);
		}
		else {
			rolls.withdraw(orgId);
		}
		redirect.addFlashAttribute("success", "publish".equals(action) ? "honour.publicRoll.published" : "honour.publicRoll.withdrawn");
		return "redirect:/honours/roll/organization/" + orgId;
	}

	/** A member's honour roll: a page, or (htmx) the panel on the member's page (decision 0046). */
	@GetMapping("/honours/roll/member/{partyId}")
	String memberRoll(@PathVariable Long partyId, Model model, HttpServletRequest request) {
		List<Award> roll = awards.rollOfParty(partyId);
		model.addAttribute("rollOf", roll.isEmpty() ? "" : roll.get(0).awardeeName());
		model.addAttribute("roll", roll);
		return Fragments.pageOr(request, "honour/roll", "roll");
	}

}
