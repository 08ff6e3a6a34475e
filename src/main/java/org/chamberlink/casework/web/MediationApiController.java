package org.chamberlink.casework.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.casework.MediationRecords;
import org.chamberlink.casework.web.CaseDetailsReader.CaseDetails;
import org.chamberlink.identity.RoleGroups;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A mediation's record: its sessions, and the report back to the court that referred it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "需求、维权投诉、商会调解 / needs, complaints, mediation")
class MediationApiController {

	record SessionForm(LocalDate heldOn, String place, String mediators, String notes) {
	}

	record CourtReport(LocalDate reportedOn) {
	}

	private final MediationRecords mediation;

	private final CaseDetailsReader details;

	MediationApiController(MediationRecords mediation, CaseDetailsReader details) {
		this.mediation = mediation;
		this.details = details;
	}

	@PostMapping("/cases/{id}/sessions")
	@PreAuthorize(RoleGroups.WORKERS)
	CaseDetails session(@PathVariable Long id, @RequestBody SessionForm form) {
		mediation.session(id, form.heldOn(), form.place(), form.mediators(), form.notes());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/court-report")
	@PreAuthorize(RoleGroups.WORKERS)
	CaseDetails courtReport(@PathVariable Long id, @RequestBody CourtReport report) {
		mediation.reportedToCourt(id, report.reportedOn());
		return details.of(id);
	}

}
