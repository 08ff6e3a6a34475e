package org.chamberlink.finance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.finance.BankAgreements;
import org.chamberlink.finance.BankAgreements.AgreementForm;
import org.chamberlink.finance.FinanceFigures;
import org.chamberlink.finance.FinanceTotals;
import org.chamberlink.finance.FundEntryKind;
import org.chamberlink.finance.GuaranteeFunds;
import org.chamberlink.finance.GuaranteeFunds.EntryForm;
import org.chamberlink.finance.LoanReferrals;
import org.chamberlink.finance.LoanReferrals.ApplicationForm;
import org.chamberlink.finance.LoanReferrals.OutcomeForm;
import org.chamberlink.finance.LoanReferrals.Referral;
import org.chamberlink.finance.ReferralStatus;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipView;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.chamberlink.web.RowRefusal.asTyped;

/**
 * Staff's financing pages: bank agreements, loan referrals (a list with a new application, one
 * referral with its recommendation and outcome), the guarantee funds and one fund's ledger, and the
 * figures of loans arranged.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class FinancePageController {

	private final BankAgreements agreements;

	private final LoanReferrals referrals;

	private final GuaranteeFunds funds;

	private final FinanceFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final Members members;

	private final MessageSource messages;

	private final Clock clock;

	FinancePageController(BankAgreements agreements, LoanReferrals referrals, GuaranteeFunds funds, FinanceFigures figures, Figures drillDown,
			Organizations organizations, Members members, MessageSource messages, Clock clock) {
		this.agreements = agreements;
		this.referrals = referrals;
		this.funds = funds;
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.members = members;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- agreements ----

	@GetMapping("/finance/agreements")
	String agreements(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("agreements", agreements.list());
		model.addAttribute("organizations", organizations.ownAndChildren(me.orgId()));
		model.addAttribute("today", today());
		return "finance/agreements";
	}

	@PostMapping("/finance/agreements")
	@PreAuthorize(RoleGroups.WORKERS)
	String sign(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String bank,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			@RequestParam(required = false) String creditLine, @RequestParam(required = false) String terms,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			agreements.sign(new AgreementForm(orgId, bank, signedOn, creditLine, terms, startsOn, endsOn));
			return done("/finance/agreements", "finance.agreement.signed", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "agreement", null, e, locale, "orgId", asTyped(orgId), "bank", bank, "signedOn", asTyped(signedOn), "creditLine",
					creditLine, "terms", terms, "startsOn", asTyped(startsOn), "endsOn", asTyped(endsOn));
			return agreements(me, model);
		}
	}

	// ---- referrals ----

	@GetMapping("/finance/referrals")
	String referrals(@RequestParam(required = false) ReferralStatus status, Model model) {
		model.addAttribute("referrals", referrals.list(status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ReferralStatus.values());
		model.addAttribute("members", members.activeByName(300));
		return "finance/referrals";
	}

	@PostMapping("/finance/referrals")
	@PreAuthorize(RoleGroups.WORKERS)
	String apply(@RequestParam(required = false) Long membershipId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) Integer termMonths, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			if (membershipId == null) {
				throw new RuleViolationException("membershipId", "finance.required",
						new org.springframework.context.support.DefaultMessageSourceResolvable("finance.field.partyId"));
			}
			MembershipView membership;
			try {
				membership = members.membership(membershipId);
			}
			catch (RecordNotFoundException e) {
				throw new RuleViolationException("membershipId", "finance.member.notFound");
			}
			Long id = referrals.apply(new ApplicationForm(membership.partyId(), membership.orgId(), amount, purpose, termMonths));
			return done("/finance/referrals/" + id, "finance.referral.applied", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "referral", null, e, locale, "membershipId", asTyped(membershipId), "amount", amount, "purpose", purpose,
					"termMonths", asTyped(termMonths));
			return referrals(null, model);
		}
	}

	@GetMapping("/finance/referrals/{id}")
	String referral(@PathVariable Long id, Model model) {
		Referral referral = referrals.get(id);
		model.addAttribute("referral", referral);
		model.addAttribute("covering", referral.status() == ReferralStatus.APPLIED ? agreements.covering(referral.orgId(), today()) : List.of());
		model.addAttribute("today", today());
		return "finance/referral";
	}

	@PostMapping("/finance/referrals/{id}/recommend")
	@PreAuthorize(RoleGroups.WORKERS)
	String recommend(@PathVariable Long id, @RequestParam(required = false) Long agreementId, @RequestParam(required = false) String bank,
			Locale locale, Model model, RedirectAttributes redirect) {
		referrals.get(id);
		try {
			referrals.recommend(id, agreementId, bank);
			return done("/finance/referrals/" + id, "finance.referral.recommended", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "recommend", id, e, locale, "agreementId", asTyped(agreementId), "bank", bank);
			return referral(id, model);
		}
	}

	@PostMapping("/finance/referrals/{id}/grant")
	@PreAuthorize(RoleGroups.WORKERS)
	String grant(@PathVariable Long id, @RequestParam(required = false) String grantedAmount, @RequestParam(required = false) String rate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn, Locale locale, Model model,
			RedirectAttributes redirect) {
		referrals.get(id);
		try {
			referrals.grant(id, new OutcomeForm(grantedAmount, rate, decidedOn));
			return done("/finance/referrals/" + id, "finance.referral.granted", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "grant", id, e, locale, "grantedAmount", grantedAmount, "rate", rate, "decidedOn", asTyped(decidedOn));
			return referral(id, model);
		}
	}

	@PostMapping("/finance/referrals/{id}/refuse")
	@PreAuthorize(RoleGroups.WORKERS)
	String refuse(@PathVariable Long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn, Locale locale, Model model,
			RedirectAttributes redirect) {
		referrals.get(id);
		try {
			referrals.refuse(id, reason, decidedOn);
			return done("/finance/referrals/" + id, "finance.referral.refusedNotice", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "refuse", id, e, locale, "reason", reason, "decidedOn", asTyped(decidedOn));
			return referral(id, model);
		}
	}

	// ---- guarantee funds ----

	@GetMapping("/finance/funds")
	String funds(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("funds", funds.funds());
		model.addAttribute("organizations", organizations.ownAndChildren(me.orgId()));
		return "finance/funds";
	}

	@GetMapping("/finance/funds/{orgId}")
	String fund(@PathVariable Long orgId, Model model) {
		model.addAttribute("fund", funds.balance(orgId));
		model.addAttribute("entries", funds.entries(orgId));
		model.addAttribute("kinds", FundEntryKind.values());
		model.addAttribute("members", members.activeByName(300));
		model.addAttribute("today", today());
		return "finance/fund";
	}

	@PostMapping("/finance/funds/{orgId}/entries")
	@PreAuthorize(RoleGroups.WORKERS)
	String enter(@PathVariable Long orgId, @RequestParam(required = false) FundEntryKind kind,
			@RequestParam(required = false) String amount, @RequestParam(required = false) Long partyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enteredOn,
			@RequestParam(required = false) String note, Locale locale, Model model, RedirectAttributes redirect) {
		funds.balance(orgId);
		try {
			funds.enter(orgId, new EntryForm(kind, amount, partyId, null, enteredOn, note));
			return done("/finance/funds/" + orgId, "finance.fund.entered", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "entry", orgId, e, locale, "kind", kind == null ? "" : kind.name(), "amount", amount, "partyId", asTyped(partyId),
					"enteredOn", asTyped(enteredOn), "note", note);
			return fund(orgId, model);
		}
	}

	@PostMapping("/finance/funds/{orgId}/entries/{entryId}/correct")
	@PreAuthorize(RoleGroups.WORKERS)
	String correct(@PathVariable Long orgId, @PathVariable Long entryId, @RequestParam(required = false) String reason, Locale locale,
			Model model, RedirectAttributes redirect) {
		funds.balance(orgId);
		try {
			funds.correct(entryId, reason);
			return done("/finance/funds/" + orgId, "finance.fund.corrected", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "correct", entryId, e, locale, "reason", reason);
			return fund(orgId, model);
		}
	}

	// ---- figures ----

	@GetMapping("/figures/finance")
	String figures(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "finance/figures";
		}
		FigurePeriod period = FigurePeriod.of(from, to, today());
		FinanceTotals totals = figures.totals(node, period.from(), period.to());
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", totals);
		model.addAttribute("banks", figures.byBank(node, period.from(), period.to()));
		model.addAttribute("below", drillDown.table(node, period,
				id -> "/figures/finance?org=" + id + "&from=" + period.from() + "&to=" + period.to(), "finance.applied",
				"finance.granted", "finance.grantedAmount"));
		return "finance/figures";
	}

	// ---- shared ----

	private void refused(Model model, String form, Long row, RuleViolationException e, Locale locale, String... typed) {
		model.addAttribute("refusal", RowRefusal.of(form, row, e, messages, locale, typed));
	}

	private static String done(String to, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", notice);
		return "redirect:" + to;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
