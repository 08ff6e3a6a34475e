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
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One bill: its ledger trail, and recording a payment, a waiver, a refund or the reversal of a
 * payment. A refused form comes back on the page with what was typed and the message on its field.
 */
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
		return page(id, model);
	}

	/**
	 * The bill page, also drawn again by a refused form so that what was typed stays (decision 25);
	 * a form not in the model yet starts with the outstanding amount, today and the credit.
	 */
	private String page(Long id, Model model) {
		DuesBill bill = bills.get(id);
		model.addAttribute("bill", bill);
		model.addAttribute("entries", bills.entries(id));
		long credit = ledger.creditOf(bill.membershipId());
		model.addAttribute("credit", Fen.format(credit));
		model.addAttribute("hasCredit", credit > 0);
		model.addAttribute("methods", PaymentMethod.values());
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		String outstanding = bill.outstandingFen() > 0 ? bill.outstanding().replace(",", "") : "";
		if (!model.containsAttribute("payment")) {
			model.addAttribute("payment", new PaymentForm(outstanding, today, PaymentMethod.values()[0], null, null));
		}
		if (!model.containsAttribute("waiver")) {
			model.addAttribute("waiver", new WaiverForm(null, null, null));
		}
		if (!model.containsAttribute("refund")) {
			model.addAttribute("refund", new RefundForm(Fen.format(credit).replace(",", ""), PaymentMethod.values()[0],
					null, null));
		}
		return "dues/bill";
	}

	@PostMapping("/dues/bills/{id}/payments")
	@PreAuthorize(RoleGroups.WORKERS)
	String pay(@PathVariable Long id, @ModelAttribute("payment") PaymentForm payment, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Long entry = ledger.pay(id, payment);
				redirect.addFlashAttribute("success", "dues.payment.recorded");
				redirect.addFlashAttribute("receiptId", entry);
				return "redirect:/dues/bills/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		model.addAttribute("refused", "payment");
		return page(id, model);
	}

	@PostMapping("/dues/bills/{id}/waivers")
	@PreAuthorize(RoleGroups.ADMINS)
	String waive(@PathVariable Long id, @ModelAttribute("waiver") WaiverForm waiver, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			ledger.waive(id, waiver);
			redirect.addFlashAttribute("success", "dues.waiver.recorded");
			return "redirect:/dues/bills/" + id;
		}
		catch (RuleViolationException e) {
			FormErrors.reject(result, e);
		}
		model.addAttribute("refused", "waiver");
		return page(id, model);
	}

	@PostMapping("/dues/bills/{id}/refunds")
	@PreAuthorize(RoleGroups.ADMINS)
	String refund(@PathVariable Long id, @ModelAttribute("refund") RefundForm refund, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				corrections.refund(id, refund);
				redirect.addFlashAttribute("success", "dues.refund.recorded");
				return "redirect:/dues/bills/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		model.addAttribute("refused", "refund");
		return page(id, model);
	}

	@PostMapping("/dues/bills/{id}/entries/{entryId}/reverse")
	@PreAuthorize(RoleGroups.ADMINS)
	String reverse(@PathVariable Long id, @PathVariable Long entryId, @RequestParam(required = false) String reason,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			corrections.reverse(entryId, reason);
			redirect.addFlashAttribute("success", "dues.correction.recorded");
			return "redirect:/dues/bills/" + id;
		}
		catch (RuleViolationException e) {
			// One such form per payment: the message goes under the reason typed for that entry.
			model.addAttribute("refusal", RowRefusal.of("reverse", entryId, e, messages, locale, "reason", reason));
			return page(id, model);
		}
	}

}
