package org.chamberlink.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.casework.CaseTransfers;
import org.chamberlink.casework.web.CaseDetailsReader.CaseDetails;
import org.chamberlink.identity.RoleGroups;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Passing a case to another organisation: the offer, and the receiver's accept or decline. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "需求、维权投诉、商会调解 / needs, complaints, mediation")
class CaseTransferApiController {

	record Transfer(Long toOrgId, String reason) {
	}

	private final CaseTransfers transfers;

	private final CaseDetailsReader details;

	CaseTransferApiController(CaseTransfers transfers, CaseDetailsReader details) {
		this.transfers = transfers;
		this.details = details;
	}

	@PostMapping("/cases/{id}/transfer")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Offers the case to another organisation (above, or in the caller's subtree); it moves when they accept")
	CaseDetails transfer(@PathVariable Long id, @RequestBody Transfer transfer) {
		transfers.offer(id, transfer.toOrgId(), transfer.reason());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/transfer/accept")
	@PreAuthorize(RoleGroups.WORKERS)
	CaseDetails acceptTransfer(@PathVariable Long id, @RequestBody(required = false) CaseApiController.Step step) {
		transfers.accept(id, step == null ? null : step.comment());
		return details.of(id);
	}

	@PostMapping("/cases/{id}/transfer/decline")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Declines a transfer offered to the caller's organisation; answers 204, the case is no longer theirs to see")
	ResponseEntity<Void> declineTransfer(@PathVariable Long id, @RequestBody CaseApiController.Reason reason) {
		transfers.decline(id, reason.reason());
		return ResponseEntity.noContent().build();
	}

}
