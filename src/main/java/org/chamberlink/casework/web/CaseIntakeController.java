package org.chamberlink.casework.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
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

/** A submitted case is accepted (with its handler, if chosen) or rejected with a reason. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class CaseIntakeController {

	private final CaseWorkflow workflow;

	private final CaseDetailPage page;

	CaseIntakeController(CaseWorkflow workflow, CaseDetailPage page) {
		this.workflow = workflow;
		this.page = page;
	}

	@PostMapping("/cases/{id}/accept")
	String accept(@PathVariable Long id, @RequestParam(required = false) Long handlerAccountId,
			@RequestParam(required = false) String comment, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			workflow.accept(id, handlerAccountId, comment);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "accept", e, locale, model, response, "handlerAccountId",
					handlerAccountId == null ? null : handlerAccountId.toString(), "comment", comment);
		}
		return page.done(id, "case.accepted", redirect);
	}

	@PostMapping("/cases/{id}/reject")
	String reject(@PathVariable Long id, @RequestParam(required = false) String reason, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			workflow.reject(id, reason);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "reject", e, locale, model, response, "reason", reason);
		}
		return page.done(id, "case.rejected", redirect);
	}

}
