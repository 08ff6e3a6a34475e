package org.chamberlink.welfare.web;

import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.welfare.DonorTotals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public thank-you roll of a campaign (signed out): only once its organisation published it,
 * and only the donors who agreed to be named, with what was received. Anything else is not found.
 */
@Controller
class ThankYouController {

	private final DonorTotals donorTotals;

	ThankYouController(DonorTotals donorTotals) {
		this.donorTotals = donorTotals;
	}

	@GetMapping("/thanks/{id}")
	String roll(@PathVariable Long id, Model model) {
		model.addAttribute("roll", donorTotals.rollUnscoped(id).orElseThrow(() -> new RecordNotFoundException("Campaign", id)));
		return "welfare/thanks";
	}

}
