package org.chamberlink.dues.web;

import java.time.LocalDate;

import org.chamberlink.dues.DuesBills;
import org.chamberlink.identity.AccountPrincipal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The member portal's dues page: the member's own bills and receipts, phone-sized. */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class DuesPortalController {

	private final DuesBills bills;

	DuesPortalController(DuesBills bills) {
		this.bills = bills;
	}

	@GetMapping("/portal/dues")
	String dues(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("bills", bills.own(me));
		model.addAttribute("receipts", bills.ownReceipts(me));
		model.addAttribute("today", LocalDate.now());
		return "dues/portal";
	}

}
