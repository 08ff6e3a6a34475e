package org.chamberlink.dues.web;

import org.chamberlink.identity.RoleGroups;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.dues.BillFilter;
import org.chamberlink.dues.BillState;
import org.chamberlink.dues.BillingRun;
import org.chamberlink.dues.DuesBill;
import org.chamberlink.dues.DuesBilling;
import org.chamberlink.dues.DuesBills;
import org.chamberlink.dues.DuesEntry;
import org.chamberlink.dues.DuesCorrections;
import org.chamberlink.dues.DuesLedger;
import org.chamberlink.dues.DuesSchedule;
import org.chamberlink.dues.DuesSchedules;
import org.chamberlink.dues.DuesStanding;
import org.chamberlink.dues.PaymentForm;
import org.chamberlink.dues.Receipt;
import org.chamberlink.dues.RefundForm;
import org.chamberlink.dues.ScheduleForm;
import org.chamberlink.dues.WaiverForm;
import org.chamberlink.member.MemberRole;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
@Tag(name = "dues", description = "会费：标准、开单、缴费、减免、收据、欠费 / schedules, bills, payments, waivers, receipts")
class DuesApiController {

	/** A bill with its ledger trail. */
	record BillDetails(DuesBill bill, List<DuesEntry> entries) {
	}

	/** What to bill: a year, and whether the organisations below are billed too. */
	record BillingRequest(Integer year, Boolean subtree) {
	}

	record Reversal(String reason) {
	}

	private final DuesSchedules schedules;

	private final DuesBilling billing;

	private final DuesBills bills;

	private final DuesLedger ledger;

	private final DuesCorrections corrections;

	private final DuesStanding standing;

	private final Clock clock;

	DuesApiController(DuesSchedules schedules, DuesBilling billing, DuesBills bills, DuesLedger ledger, DuesCorrections corrections,
			DuesStanding standing, Clock clock) {
		this.schedules = schedules;
		this.billing = billing;
		this.bills = bills;
		this.ledger = ledger;
		this.corrections = corrections;
		this.standing = standing;
		this.clock = clock;
	}

	@GetMapping("/organizations/{id}/dues-schedule")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The organisation's dues schedule for a year: policy, amounts in effect today per role, every line")
	DuesSchedule schedule(@PathVariable Long id, @RequestParam Integer year) {
		return schedules.of(id, year);
	}

	@PutMapping("/organizations/{id}/dues-schedule")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Set the schedule: due date, proration (FULL, MONTHLY, MONTHLY_YUAN rounded to whole yuan, NONE), amounts per role in yuan; changed amounts apply from effectiveFrom, issued bills keep theirs")
	DuesSchedule setSchedule(@PathVariable Long id, @RequestBody ScheduleForm form) {
		return schedules.set(id, form);
	}

	@PostMapping("/organizations/{id}/dues-billing")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Start billing a year (background); re-running bills only memberships not yet billed")
	ResponseEntity<BillingRun> bill(@PathVariable Long id, @RequestBody BillingRequest request) {
		Long runId = billing.start(id, request.year(), Boolean.TRUE.equals(request.subtree()));
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/dues/billing-runs/" + runId))
			.body(billing.run(runId).orElseThrow());
	}

	@GetMapping("/dues/billing-runs/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "A billing run's status and counts")
	BillingRun run(@PathVariable Long id) {
		return billing.run(id).orElseThrow(() -> new RecordNotFoundException("DuesBillingRun", id));
	}

	@GetMapping("/dues/bills")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Bills in your subtree: by organisation (subtree=true for everything below), year, state (SETTLED, OPEN, OVERDUE), role, name")
	Page<DuesBill> bills(@RequestParam(required = false) Long org, @RequestParam(defaultValue = "false") boolean subtree,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) BillState state,
			@RequestParam(required = false) MemberRole role, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return bills.search(new BillFilter(org, subtree, year, state, role, keyword),
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
	}

	@GetMapping("/dues/bills/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "One bill with its ledger entries")
	BillDetails bill(@PathVariable Long id) {
		return new BillDetails(bills.get(id), bills.entries(id));
	}

	@PostMapping("/dues/bills/{id}/payments")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Record a payment (amount in yuan); an amount beyond what is owed becomes credit; a reference already recorded is refused")
	ResponseEntity<Receipt> pay(@PathVariable Long id, @RequestBody PaymentForm form) {
		Long entryId = ledger.pay(id, form);
		return ResponseEntity.created(URI.create("/dues/receipts/" + entryId)).body(bills.receipt(entryId));
	}

	@PostMapping("/dues/bills/{id}/waivers")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Waive all (blank amount) or part of what the bill owes, with reason and approver")
	ResponseEntity<BillDetails> waive(@PathVariable Long id, @RequestBody WaiverForm form) {
		ledger.waive(id, form);
		return ResponseEntity.status(201).body(new BillDetails(bills.get(id), bills.entries(id)));
	}

	@PostMapping("/dues/bills/{id}/refunds")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Pay back (part of) the member's credit: amount in yuan, method, reference, reason; at most the credit held")
	ResponseEntity<BillDetails> refund(@PathVariable Long id, @RequestBody RefundForm form) {
		corrections.refund(id, form);
		return ResponseEntity.status(201).body(new BillDetails(bills.get(id), bills.entries(id)));
	}

	@PostMapping("/dues/payments/{id}/reversal")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Reverse a payment recorded in error (a correction entry; the payment itself is never changed)")
	ResponseEntity<Receipt> reverse(@PathVariable Long id, @RequestBody Reversal reversal) {
		corrections.reverse(id, reversal.reason());
		return ResponseEntity.status(201).body(bills.receipt(id));
	}

	@GetMapping("/dues/receipts/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "A payment's receipt")
	Receipt receipt(@PathVariable Long id) {
		return bills.receipt(id);
	}

	@GetMapping("/memberships/{id}/dues-standing")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Whether the membership is in good standing on a day (default today): nothing past due unpaid")
	DuesStanding.Standing standing(@PathVariable Long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		return standing.of(id, on != null ? on : LocalDate.now(clock));
	}

}
