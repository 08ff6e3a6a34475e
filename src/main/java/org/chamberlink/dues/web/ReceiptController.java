package org.chamberlink.dues.web;

import org.chamberlink.identity.RoleGroups;
import java.util.Locale;

import org.chamberlink.dues.DuesBills;
import org.chamberlink.dues.OwnDues;
import org.chamberlink.dues.Receipt;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Receipts: a printable page and a PDF, for staff within their scope and for the member who paid. */
@Controller
class ReceiptController {

	private final DuesBills bills;

	private final OwnDues own;

	private final ReceiptPdf pdf;

	ReceiptController(DuesBills bills, OwnDues own, ReceiptPdf pdf) {
		this.bills = bills;
		this.own = own;
		this.pdf = pdf;
	}

	@GetMapping("/dues/receipts/{id}")
	@PreAuthorize(RoleGroups.READERS)
	String page(@PathVariable Long id, Model model) {
		Receipt receipt = bills.receipt(id);
		model.addAttribute("receipt", receipt);
		model.addAttribute("pdfUrl", "/dues/receipts/" + id + "/pdf");
		model.addAttribute("backTo", "/dues/bills/" + receipt.billId());
		return "dues/receipt";
	}

	@GetMapping("/dues/receipts/{id}/pdf")
	@PreAuthorize(RoleGroups.READERS)
	ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
		return asPdf(bills.receipt(id), locale);
	}

	@GetMapping("/portal/receipts/{id}")
	@PreAuthorize(RoleGroups.MEMBER)
	String own(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("receipt", ownReceipt(me, id));
		model.addAttribute("pdfUrl", "/portal/receipts/" + id + "/pdf");
		model.addAttribute("backTo", "/portal/dues");
		return "dues/receipt";
	}

	@GetMapping("/portal/receipts/{id}/pdf")
	@PreAuthorize(RoleGroups.MEMBER)
	ResponseEntity<byte[]> ownPdf(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale) {
		return asPdf(ownReceipt(me, id), locale);
	}

	private Receipt ownReceipt(AccountPrincipal me, Long id) {
		return own.ownReceipt(me, id).orElseThrow(() -> new RecordNotFoundException("DuesReceipt", id));
	}

	private ResponseEntity<byte[]> asPdf(Receipt receipt, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("receipt-" + receipt.number() + ".pdf")
				.build()
				.toString())
			.body(pdf.render(receipt, locale));
	}

}
