package org.chamberlink.finance.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.finance.BankAgreements;
import org.chamberlink.finance.BankAgreements.Agreement;
import org.chamberlink.finance.BankAgreements.AgreementForm;
import org.chamberlink.finance.GuaranteeFunds;
import org.chamberlink.finance.GuaranteeFunds.Balance;
import org.chamberlink.finance.GuaranteeFunds.Entry;
import org.chamberlink.finance.GuaranteeFunds.EntryForm;
import org.chamberlink.finance.LoanReferrals;
import org.chamberlink.finance.LoanReferrals.ApplicationForm;
import org.chamberlink.finance.LoanReferrals.OutcomeForm;
import org.chamberlink.finance.LoanReferrals.Referral;
import org.chamberlink.finance.ReferralStatus;
import org.chamberlink.identity.RoleGroups;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The financing API (/api/v1/finance): bank agreements, loan referrals with their recommendation and
 * outcome, and the guarantee funds' ledgers. Out-of-scope ids answer 404 like unknown ones; refused
 * input answers 422 with the field (decision 0025). Figures: /api/v1/figures/finance.*.
 */
@RestController
@RequestMapping("/api/v1/finance")
@PreAuthorize(RoleGroups.READERS)
@Tag(name = "finance", description = "银企合作、贷款推荐、联保基金 / financing")
class FinanceApiController {

	private final BankAgreements agreements;

	private final LoanReferrals referrals;

	private final GuaranteeFunds funds;

	FinanceApiController(BankAgreements agreements, LoanReferrals referrals, GuaranteeFunds funds) {
		this.agreements = agreements;
		this.referrals = referrals;
		this.funds = funds;
	}

	@GetMapping("/agreements")
	@Operation(summary = "Bank cooperation agreements signed within the caller's subtree")
	List<Agreement> agreements() {
		return agreements.list();
	}

	@GetMapping("/agreements/{id}")
	Agreement agreement(@PathVariable Long id) {
		return agreements.get(id);
	}

	@PostMapping("/agreements")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Records an agreement: orgId, bank, signedOn, creditLine (yuan), terms, startsOn, endsOn")
	ResponseEntity<Agreement> sign(@RequestBody AgreementForm form) {
		Long id = agreements.sign(form);
		return ResponseEntity.created(URI.create("/api/v1/finance/agreements/" + id)).body(agreements.get(id));
	}

	@GetMapping("/referrals")
	List<Referral> referrals(@RequestParam(required = false) ReferralStatus status) {
		return referrals.list(status);
	}

	@GetMapping("/referrals/{id}")
	Referral referral(@PathVariable Long id) {
		return referrals.get(id);
	}

	@PostMapping("/referrals")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Enters a member's application: partyId, orgId, amount (yuan), purpose, termMonths")
	ResponseEntity<Referral> apply(@RequestBody ApplicationForm form) {
		Long id = referrals.apply(form);
		return ResponseEntity.created(URI.create("/api/v1/finance/referrals/" + id)).body(referrals.get(id));
	}

	record Recommendation(Long agreementId, String bank) {
	}

	@PostMapping("/referrals/{id}/recommend")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Recommends the application to a bank under an active agreement covering it (agreementId or bank)")
	Referral recommend(@PathVariable Long id, @RequestBody Recommendation body) {
		referrals.recommend(id, body.agreementId(), body.bank());
		return referrals.get(id);
	}

	@PostMapping("/referrals/{id}/grant")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Records the loan granted: grantedAmount (yuan), rate (annual, per cent), decidedOn")
	Referral grant(@PathVariable Long id, @RequestBody OutcomeForm form) {
		referrals.grant(id, form);
		return referrals.get(id);
	}

	record Refusal(String reason, LocalDate decidedOn) {
	}

	@PostMapping("/referrals/{id}/refuse")
	@PreAuthorize(RoleGroups.WORKERS)
	Referral refuse(@PathVariable Long id, @RequestBody Refusal body) {
		referrals.refuse(id, body.reason(), body.decidedOn());
		return referrals.get(id);
	}

	@GetMapping("/funds")
	@Operation(summary = "The guarantee funds (联保基金) of the caller's subtree with their balances")
	List<Balance> funds() {
		return funds.funds();
	}

	@GetMapping("/funds/{orgId}")
	Balance fund(@PathVariable Long orgId) {
		return funds.balance(orgId);
	}

	@GetMapping("/funds/{orgId}/entries")
	List<Entry> entries(@PathVariable Long orgId) {
		return funds.entries(orgId);
	}

	@PostMapping("/funds/{orgId}/entries")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Adds a ledger entry: kind (CONTRIBUTION, GUARANTEE, RELEASE, DEFAULT), amount (yuan), partyId, referralId, "
			+ "enteredOn, note; a guarantee above the balance is refused")
	ResponseEntity<Map<String, Object>> enter(@PathVariable Long orgId, @RequestBody EntryForm form) {
		Long id = funds.enter(orgId, form);
		return ResponseEntity.created(URI.create("/api/v1/finance/funds/" + orgId + "/entries"))
			.body(Map.of("id", id, "balance", funds.balance(orgId)));
	}

	record Correction(String reason) {
	}

	@PostMapping("/fund-entries/{id}/correct")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Corrects an entry with a new one of the opposite amount (once)")
	ResponseEntity<Map<String, Long>> correct(@PathVariable Long id, @RequestBody Correction body) {
		Long correction = funds.correct(id, body.reason());
		return ResponseEntity.status(201).body(Map.of("id", correction));
	}

}
