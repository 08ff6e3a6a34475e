package org.chamberlink.casework.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.CaseChangedException;
import org.chamberlink.casework.CaseWorkflow;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Working an accepted case: start it, give it a handler or a legal counsel, note what was done. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class CaseWorkController {

	private final CaseWorkflow workflow;

	private final CaseDetailPage page;

	CaseWorkController(CaseWorkflow workflow, CaseDetailPage page) {
		this.workflow = workflow;
		this.page = page;
	}

	@PostMapping("/cases/{id}/start")
	String start(@PathVariable Long id, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			workflow.start(id, null);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "start", e, locale, model, response);
		}
		return page.done(id, "case.started", redirect);
	}

	@PostMapping("/cases/{id}/assign")
	String assign(@PathVariable Long id, @RequestParam(required = false) Long handlerAccountId,
			@RequestParam(required = false) Long version, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			workflow.assign(id, handlerAccountId, null, version);
		}
		catch (CaseChangedException e) {
			return page.changedMeanwhile(id, "assign", locale, model, response, "handlerAccountId",
					handlerAccountId == null ? null : handlerAccountId.toString());
		}
		catch (RuleViolationException e) {
			return page.refused(id, "assign", e, locale, model, response, "handlerAccountId",
					handlerAccountId == null ? null : handlerAccountId.toString());
		}
		return page.done(id, "case.assigned", redirect);
	}

	@PostMapping("/cases/{id}/counsel")
	String counsel(@PathVariable Long id, @RequestParam(required = false) String counselName,
			@RequestParam(required = false) Long version, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			workflow.assignCounsel(id, counselName, version);
		}
		catch (CaseChangedException e) {
			return page.changedMeanwhile(id, "counsel", locale, model, response, "counselName", counselName);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "counsel", e, locale, model, response, "counselName", counselName);
		}
		return page.done(id, "case.counselAssigned", redirect);
	}

	@PostMapping("/cases/{id}/notes")
	String note(@PathVariable Long id, @RequestParam(required = false) String comment, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			workflow.note(id, comment);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "note", e, locale, model, response, "comment", comment);
		}
		return page.done(id, "case.noted", redirect);
	}

}
