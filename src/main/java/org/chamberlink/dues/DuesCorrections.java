package org.chamberlink.dues;

import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.DataScope;
import org.chamberlink.shared.Fen;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Putting the ledger right: reversing a payment recorded in error (a correction entry that takes
 * back exactly what it did) and paying back a member's credit. Like every entry, never an edit.
 */
@Service
public class DuesCorrections {

	private record Paid(Long id, Long membershipId, Long orgId, String orgPath, Long billId, long amountFen,
			long appliedFen, long creditFen, String reference, Long receiptNo) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final LedgerEntries entries;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MembershipFacts memberships;

	DuesCorrections(JdbcClient jdbc, DataScopes scopes, LedgerEntries entries, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, MembershipFacts memberships) {
		this.memberships = memberships;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.entries = entries;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Reverses a payment recorded in error (wrong amount, wrong member): a correction entry takes
	 * back exactly what the payment did, so the right payment can then be recorded again. Refused
	 * when the payment is already reversed or its surplus credit has been used meanwhile.
	 */
	@Transactional
	public Long reverse(Long paymentId, String reason) {
		DataScope scope = scopes.current();
		Paid payment = jdbc.sql("""
				select id, membership_id, org_id, org_path, bill_id, amount_fen, applied_fen, credit_fen, reference, receipt_no
				from dues_entry where id = :id and kind = 'PAYMENT' and %s
				""".formatted(scope.on("org_path")))
			.param("id", paymentId)
			.params(scope.param())
			.query(Paid.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("DuesPayment", paymentId));
		LedgerEntries.LockedBill bill = entries.lock(payment.billId());
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason", "dues.correction.reason.required");
		}
		org.chamberlink.shared.TextLimit.atMost("reason", "dues.correction.reason", reason, 300);
		boolean reversed = jdbc.sql("select exists (select 1 from dues_entry where corrects_id = :id)")
			.param("id", paymentId)
			.query(Boolean.class)
			.single();
		if (reversed) {
			throw new RuleViolationException(null, "dues.correction.already");
		}
		if (payment.creditFen() > entries.creditOf(payment.membershipId())) {
			throw new RuleViolationException(null, "dues.correction.creditUsed");
		}
		Long entryId = entries.insert(bill, NewEntry.correction(payment.amountFen(), payment.appliedFen(),
				payment.creditFen(), LocalDate.now(clock), reason.strip(), paymentId));
		entries.move(bill.id(), -payment.appliedFen(), 0);
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesCorrection", entryId)
			.org(bill.orgId())
			.summary("冲正收据 " + payment.receiptNo() + " ¥" + Fen.format(payment.amountFen()) + "：" + reason.strip()));
		events.publishEvent(new PaymentReversed(entryId, paymentId, bill.id(), bill.membershipId(), bill.partyId(),
				bill.orgId(), bill.orgPath(), bill.year(), payment.amountFen(), payment.appliedFen(), payment.creditFen(),
				LocalDate.now(clock)));
		return entryId;
	}

	/** Pays back part or all of the member's credit (an overpayment), recorded against the bill it came through. */
	@Transactional
	public Long refund(Long billId, RefundForm form) {
		LedgerEntries.LockedBill bill = entries.lock(billId);
		// the member's other bills may move credit too: serialise on the membership
		memberships.lockUnscoped(bill.membershipId());
		Long fen = Fen.parse(form.amount());
		if (fen == null || fen == 0) {
			throw new RuleViolationException("amount", "dues.refund.amount.invalid");
		}
		long credit = entries.creditOf(bill.membershipId());
		if (fen > credit) {
			throw new RuleViolationException("amount", "dues.refund.tooLarge", Fen.format(credit));
		}
		if (form.method() == null) {
			throw new RuleViolationException("method", "dues.payment.method.required");
		}
		if (form.reason() == null || form.reason().isBlank()) {
			throw new RuleViolationException("reason", "dues.refund.reason.required");
		}
		org.chamberlink.shared.TextLimit.atMost("reason", "dues.refund.reason", form.reason(), 300);
		Long entryId = entries.insert(bill, NewEntry.refund(fen, form.method(), LedgerEntries.blankToNull(form.reference()),
				LocalDate.now(clock), form.reason().strip()));
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesRefund", entryId)
			.org(bill.orgId())
			.summary(bill.partyName() + " 退还预存 ¥" + Fen.format(fen) + "：" + form.reason().strip()));
		return entryId;
	}

}
