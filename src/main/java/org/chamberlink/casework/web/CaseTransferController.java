package org.chamberlink.casework.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.CaseTransfers;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Handing a case to another organisation: the offer, and the receiving side taking or declining it. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class CaseTransferController {

	private final CaseTransfers transfers;

	private final CaseDetailPage page;

	CaseTransferController(CaseTransfers transfers, CaseDetailPage page) {
		this.transfers = transfers;
		this.page = page;
	}

	@PostMapping("/cases/{id}/transfer")
	String offer(@PathVariable Long id, @RequestParam(required = false) Long toOrgId,
			@RequestParam(required = false) String reason, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			transfers.offer(id, toOrgId, reason);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "transfer", e, locale, model, response, "toOrgId",
					toOrgId == null ? null : toOrgId.toString(), "reason", reason);
		}
		return page.done(id, "case.transferOffered", redirect);
	}

	@PostMapping("/cases/{id}/transfer/accept")
	String accept(@PathVariable Long id, @RequestParam(required = false) String comment, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			transfers.accept(id, comment);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "takeTransfer", e, locale, model, response, "comment", comment);
		}
		return page.done(id, "case.transferAccepted", redirect);
	}

	@PostMapping("/cases/{id}/transfer/decline")
	String decline(@PathVariable Long id, @RequestParam(required = false) String reason, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			transfers.decline(id, reason);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "declineTransfer", e, locale, model, response, "reason", reason);
		}
		redirect.addFlashAttribute("success", "case.transferDeclined");
		// once declined the case is no longer the decliner's to see: back to the transfers waiting
		return "redirect:/cases?offered=true";
	}

}
