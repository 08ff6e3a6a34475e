package org.chamberlink.casework.web;

import org.chamberlink.identity.RoleGroups;
import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.TimeLimits;
import org.chamberlink.casework.VisitView;
import org.chamberlink.casework.VisitWorkflow;
import org.chamberlink.casework.Visits;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "需求、维权投诉、商会调解 / needs, complaints, mediation")
class VisitApiController {

	record PlannedVisit(Long orgId, Long partyId, Integer year, Integer quarter, String visitors, String purpose) {
	}

	record Completion(LocalDate visitedOn, String findings, List<VisitWorkflow.RaisedNeed> needs) {
	}

	record PastVisit(Long orgId, Long partyId, LocalDate visitedOn, String visitors, String purpose, String findings) {
	}

	record Limit(Integer acceptDays, Integer resolveDays) {
	}

	private final Visits visits;

	private final VisitWorkflow workflow;

	private final TimeLimits limits;

	VisitApiController(Visits visits, VisitWorkflow workflow, TimeLimits limits) {
		this.visits = visits;
		this.workflow = workflow;
		this.limits = limits;
	}

	@GetMapping("/visits")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Visits of a quarter in the caller's subtree (or an organisation's)")
	List<VisitView> quarter(@RequestParam(required = false) Long orgId, @RequestParam int year, @RequestParam int quarter) {
		return visits.quarter(orgId, year, quarter);
	}

	@PostMapping("/visits")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Plans a visit to a member for a quarter")
	ResponseEntity<VisitView> plan(@RequestBody PlannedVisit visit) {
		Long id = workflow.plan(visit.orgId(), visit.partyId(), visit.year(), visit.quarter(), visit.visitors(),
				visit.purpose());
		return ResponseEntity.created(URI.create("/api/v1/visits/" + id)).body(visits.get(id));
	}

	@PostMapping("/visits/past")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Enters a visit made before, from a paper ledger (补录): completed on visitedOn (1900 to today, not before the organisation was founded), in that day's quarter; audited as BACKDATED")
	ResponseEntity<VisitView> enterPast(@RequestBody PastVisit visit) {
		Long id = workflow.enterPast(visit.orgId(), visit.partyId(), visit.visitedOn(), visit.visitors(),
				visit.purpose(), visit.findings());
		return ResponseEntity.created(URI.create("/api/v1/visits/" + id)).body(visits.get(id));
	}

	@GetMapping("/visits/{id}")
	@PreAuthorize(RoleGroups.READERS)
	VisitView get(@PathVariable Long id) {
		return visits.get(id);
	}

	@PostMapping("/visits/{id}/complete")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Completes a planned visit; needs raised are filed as needs of the visited member")
	VisitView complete(@PathVariable Long id, @RequestBody Completion completion) {
		workflow.complete(id, completion.visitedOn(), completion.findings(), completion.needs());
		return visits.get(id);
	}

	@GetMapping("/organizations/{id}/visit-progress")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Planned and completed visits of a quarter for the organisation's subtree; completionRate = completed ÷ planned")
	Visits.Progress progress(@PathVariable Long id, @RequestParam int year, @RequestParam int quarter) {
		return visits.progress(id, year, quarter);
	}

	@GetMapping("/organizations/{id}/case-time-limits")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Working days to accept and to resolve each kind of case, and where each setting comes from")
	Collection<TimeLimits.Limit> timeLimits(@PathVariable Long id) {
		return limits.all(id).values();
	}

	@PutMapping("/organizations/{id}/case-time-limits/{kind}")
	@PreAuthorize(RoleGroups.ADMINS)
	Collection<TimeLimits.Limit> setTimeLimit(@PathVariable Long id, @PathVariable CaseKind kind, @RequestBody Limit limit) {
		limits.set(id, kind, limit.acceptDays(), limit.resolveDays());
		return limits.all(id).values();
	}

}
