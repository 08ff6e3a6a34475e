package org.chamberlink.dues.web;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.dues.DuesBill;
import org.chamberlink.dues.DuesBills;
import org.chamberlink.dues.DuesCorrections;
import org.chamberlink.dues.DuesLedger;
import org.chamberlink.dues.PaymentForm;
import org.chamberlink.dues.PaymentMethod;
import org.chamberlink.dues.RefundForm;
import org.chamberlink.dues.WaiverForm;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One bill: its ledger trail, and recording a payment, a waiver or the reversal of a payment. */
@Controller
class DuesBillController {

	private final DuesBills bills;

	private final DuesLedger ledger;

	private final DuesCorrections corrections;

	private final MessageSource messages;

	private final Clock clock;

	DuesBillController(DuesBills bills, DuesLedger ledger, DuesCorrections corrections, MessageSource messages,
			Clock clock) {
		this.bills = bills;
		this.ledger = ledger;
		this.corrections = corrections;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/dues/bills/{id}")
	@PreAuthorize(RoleGroups.READERS)
	String bill(@PathVariable Long id, Model model) {
		DuesBill bill = bills.get(id);
		model.addAttribute("bill", bill);
		model.addAttribute("entries", bills.entries(id));
		long credit = ledger.creditOf(bill.membershipId());
		model.addAttribute("credit", org.chamberlink.shared.Fen.format(credit));
		model.addAttribute("hasCredit", credit > 0);
		model.addAttribute("methods", PaymentMethod.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "dues/bill";
	}

	@PostMapping("/dues/bills/{id}/payments")
	@PreAuthorize(RoleGroups.WORKERS)
	String pay(@PathVariable Long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@RequestParam(required = false) PaymentMethod method, @RequestParam(required = false) String reference,
			@RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
		try {
			Long entry = ledger.pay(id, new PaymentForm(amount, paidOn, method, reference, note));
			redirect.addFlashAttribute("success", "dues.payment.recorded");
			redirect.addFlashAttribute("receiptId", entry);
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("paymentError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/dues/bills/" + id;
	}

	@PostMapping("/dues/bills/{id}/waivers")
	@PreAuthorize(RoleGroups.ADMINS)
	String waive(@PathVariable Long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String approver,
			Locale locale, RedirectAttributes redirect) {
		try {
			ledger.waive(id, new WaiverForm(amount, reason, approver));
			redirect.addFlashAttribute("success", "dues.waiver.recorded");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("waiverError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/dues/bills/" + id;
	}

	@PostMapping("/dues/bills/{id}/refunds")
	@PreAuthorize(RoleGroups.ADMINS)
	String refund(@PathVariable Long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) PaymentMethod method, @RequestParam(required = false) String reference,
			@RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
		try {
			corrections.refund(id, new RefundForm(amount, method, reference, reason));
			redirect.addFlashAttribute("success", "dues.refund.recorded");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("refundError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/dues/bills/" + id;
	}

	@PostMapping("/dues/bills/{id}/entries/{entryId}/reverse")
	@PreAuthorize(RoleGroups.ADMINS)
	String reverse(@PathVariable Long id, @PathVariable Long entryId, @RequestParam(required = false) String reason,
			Locale locale, RedirectAttributes redirect) {
		try {
			corrections.reverse(entryId, reason);
			redirect.addFlashAttribute("success", "dues.correction.recorded");
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("paymentError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/dues/bills/" + id;
	}

}
