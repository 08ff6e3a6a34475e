package org.chamberlink.casework.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.MediationRecords;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A mediation's own steps: each session held, and for one a court referred, the day its result went back. */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class MediationStepController {

	private final MediationRecords mediation;

	private final CaseDetailPage page;

	MediationStepController(MediationRecords mediation, CaseDetailPage page) {
		this.mediation = mediation;
		this.page = page;
	}

	@PostMapping("/cases/{id}/sessions")
	String session(@PathVariable Long id, @RequestParam(required = false) String heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String mediators,
			@RequestParam(required = false) String notes, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			mediation.session(id, TypedInput.date(heldOn, "heldOn", "mediation.heldOn.invalid"), place, mediators, notes);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "session", e, locale, model, response, "heldOn", heldOn, "place", place, "mediators",
					mediators, "notes", notes);
		}
		return page.done(id, "mediation.sessionRecorded", redirect);
	}

	@PostMapping("/cases/{id}/court-report")
	String courtReport(@PathVariable Long id, @RequestParam(required = false) String reportedOn, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			mediation.reportedToCourt(id, TypedInput.date(reportedOn, "reportedOn", "mediation.reportedOn"));
		}
		catch (RuleViolationException e) {
			return page.refused(id, "courtReport", e, locale, model, response, "reportedOn", reportedOn);
		}
		return page.done(id, "mediation.reported", redirect);
	}

}
