package org.chamberlink.casework.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.CaseWorkflow;
import org.chamberlink.casework.MediationResult;
import org.chamberlink.casework.ResolveForm;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ending a case's work: resolved (a mediation by agreement, with its signed document), or closed without result. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class CaseClosingController {

	private final CaseWorkflow workflow;

	private final CaseDetailPage page;

	CaseClosingController(CaseWorkflow workflow, CaseDetailPage page) {
		this.workflow = workflow;
		this.page = page;
	}

	@PostMapping("/cases/{id}/resolve")
	String resolve(@PathVariable Long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String amountRecovered, @RequestParam(required = false) String agreementTerms,
			@RequestParam(required = false) MultipartFile agreement, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		try {
			workflow.resolve(id, new ResolveForm(outcome, amountRecovered, agreementTerms), Uploads.of(agreement));
		}
		catch (RuleViolationException e) {
			// a browser cannot be given a file back: the document is chosen again
			return page.refused(id, "resolve", e, locale, model, response, "outcome", outcome, "amountRecovered",
					amountRecovered, "agreementTerms", agreementTerms);
		}
		return page.done(id, "case.resolvedDone", redirect);
	}

	@PostMapping("/cases/{id}/close")
	String close(@PathVariable Long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) MediationResult mediationResult, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			workflow.closeUnresolved(id, outcome, mediationResult);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "close", e, locale, model, response, "outcome", outcome, "mediationResult",
					mediationResult == null ? null : mediationResult.name());
		}
		return page.done(id, "case.closedDone", redirect);
	}

}
