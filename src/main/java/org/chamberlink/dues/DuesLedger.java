package org.chamberlink.dues;

import org.chamberlink.web.Fen;
import java.time.LocalDate;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.notification.Channel;
import org.chamberlink.notification.Notifications;
import org.chamberlink.notification.OutgoingMessage;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.web.RecordNotFoundException;
import org.chamberlink.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dues ledger: payments, waivers, corrections and refunds, each a new entry that is never
 * changed afterwards. The bill's paid and waived sums are moved in the same transaction, under
 * the bill's row lock, so two clerks recording at once cannot overpay a bill.
 */
@Service
public class DuesLedger {

	private record LockedBill(Long id, Long membershipId, Long orgId, String orgPath, int year, long amountFen,
			long paidFen, long waivedFen, String partyName) {

		long outstanding() {
			return amountFen - paidFen - waivedFen;
		}

	}

	private record Paid(Long id, Long membershipId, Long orgId, String orgPath, Long billId, long amountFen,
			long appliedFen, long creditFen, String reference, Long receiptNo) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final AuditTrail audit;

	private final Notifications notifications;

	DuesLedger(JdbcClient jdbc, DataScopes scopes, AuditTrail audit, Notifications notifications) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
		this.notifications = notifications;
	}

	/**
	 * Records money received for a bill. What exceeds the outstanding amount becomes the member's
	 * credit; a receipt number is taken from the organisation's sequence. Returns the entry's id.
	 */
	@Transactional
	public Long pay(Long billId, PaymentForm form) {
		LockedBill bill = lock(billId);
		Long fen = Fen.parse(form.amount());
		if (fen == null || fen == 0) {
			throw new RuleViolationException("amount", "dues.payment.amount.invalid");
		}
		if (form.paidOn() == null) {
			throw new RuleViolationException("paidOn", "dues.payment.paidOn.required");
		}
		if (form.paidOn().isAfter(LocalDate.now())) {
			throw new RuleViolationException("paidOn", "dues.payment.paidOn.future");
		}
		if (form.method() == null) {
			throw new RuleViolationException("method", "dues.payment.method.required");
		}
		String reference = form.reference() == null || form.reference().isBlank() ? null : form.reference().strip();
		if (reference == null && form.method() != PaymentMethod.CASH) {
			throw new RuleViolationException("reference", "dues.payment.reference.required");
		}
		if (reference != null && reference.length() > 100) {
			throw new RuleViolationException("reference", "dues.payment.reference.tooLong");
		}
		if (reference != null) {
			refuseDuplicate(bill.orgId(), reference);
		}
		long applied = Math.min(fen, bill.outstanding());
		long credit = fen - applied;
		Long receiptNo = jdbc.sql("""
				insert into dues_receipt_counter as c (org_id, last_no) values (:org, 1)
				on conflict (org_id) do update set last_no = c.last_no + 1 returning last_no
				""")
			.param("org", bill.orgId())
			.query(Long.class)
			.single();
		Long entryId = insert(bill, EntryKind.PAYMENT, fen, applied, credit)
			.param("method", form.method().name())
			.param("reference", reference)
			.param("on", form.paidOn())
			.param("reason", blankToNull(form.note()))
			.param("approver", null)
			.param("corrects", null)
			.param("receipt", receiptNo)
			.query(Long.class)
			.single();
		move(bill.id(), applied, 0);
		confirm(bill, entryId, receiptNo, fen, credit);
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesPayment", entryId)
			.org(bill.orgId())
			.summary(bill.partyName() + " " + bill.year() + " 会费缴费 ¥" + Fen.format(fen) + " 收据 " + receiptNo));
		return entryId;
	}

	/** Forgives all or part of what a bill still owes, with the reason and who approved it. */
	@Transactional
	public Long waive(Long billId, WaiverForm form) {
		LockedBill bill = lock(billId);
		if (bill.outstanding() == 0) {
			throw new RuleViolationException(null, "dues.waiver.nothingOwed");
		}
		long fen;
		if (form.amount() == null || form.amount().isBlank()) {
			fen = bill.outstanding();
		}
		else {
			Long parsed = Fen.parse(form.amount());
			if (parsed == null || parsed == 0) {
				throw new RuleViolationException("amount", "dues.waiver.amount.invalid");
			}
			if (parsed > bill.outstanding()) {
				throw new RuleViolationException("amount", "dues.waiver.amount.tooLarge", Fen.format(bill.outstanding()));
			}
			fen = parsed;
		}
		if (form.reason() == null || form.reason().isBlank()) {
			throw new RuleViolationException("reason", "dues.waiver.reason.required");
		}
		if (form.approver() == null || form.approver().isBlank()) {
			throw new RuleViolationException("approver", "dues.waiver.approver.required");
		}
		Long entryId = insert(bill, EntryKind.WAIVER, fen, 0, 0)
			.param("method", null)
			.param("reference", null)
			.param("on", LocalDate.now())
			.param("reason", form.reason().strip())
			.param("approver", form.approver().strip())
			.param("corrects", null)
			.param("receipt", null)
			.query(Long.class)
			.single();
		move(bill.id(), 0, fen);
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesWaiver", entryId)
			.org(bill.orgId())
			.summary(bill.partyName() + " " + bill.year() + " 会费减免 ¥" + Fen.format(fen) + "：" + form.reason().strip()
					+ "（批准：" + form.approver().strip() + "）"));
		return entryId;
	}

	/**
	 * Reverses a payment recorded in error (wrong amount, wrong member): a correction entry takes
	 * back exactly what the payment did, so the right payment can then be recorded again. Refused
	 * when the payment is already reversed or its surplus credit has been used meanwhile.
	 */
	@Transactional
	public Long reverse(Long paymentId, String reason) {
		Paid payment = jdbc.sql("""
				select id, membership_id, org_id, org_path, bill_id, amount_fen, applied_fen, credit_fen, reference, receipt_no
				from dues_entry where id = :id and kind = 'PAYMENT' and org_path like :scope
				""")
			.param("id", paymentId)
			.param("scope", scopes.current().pathPattern())
			.query(Paid.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("DuesPayment", paymentId));
		LockedBill bill = lock(payment.billId());
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason", "dues.correction.reason.required");
		}
		boolean reversed = jdbc.sql("select exists (select 1 from dues_entry where corrects_id = :id)")
			.param("id", paymentId)
			.query(Boolean.class)
			.single();
		if (reversed) {
			throw new RuleViolationException(null, "dues.correction.already");
		}
		if (payment.creditFen() > creditOf(payment.membershipId())) {
			throw new RuleViolationException(null, "dues.correction.creditUsed");
		}
		Long entryId = insert(bill, EntryKind.CORRECTION, -payment.amountFen(), -payment.appliedFen(), -payment.creditFen())
			.param("method", null)
			.param("reference", null)
			.param("on", LocalDate.now())
			.param("reason", reason.strip())
			.param("approver", null)
			.param("corrects", paymentId)
			.param("receipt", null)
			.query(Long.class)
			.single();
		move(bill.id(), -payment.appliedFen(), 0);
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesCorrection", entryId)
			.org(bill.orgId())
			.summary("冲正收据 " + payment.receiptNo() + " ¥" + Fen.format(payment.amountFen()) + "：" + reason.strip()));
		return entryId;
	}

	// The member is told by mail, written to the outbox with the payment itself.
	private void confirm(LockedBill bill, Long entryId, Long receiptNo, long fen, long credit) {
		jdbc.sql("""
				select p.email, o.name from dues_bill b join party p on p.id = b.party_id join organization o on o.id = b.org_id
				where b.id = :id and p.email is not null
				""")
			.param("id", bill.id())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional()
			.ifPresent(row -> notifications.enqueue(new OutgoingMessage(Channel.MAIL, row[0],
					"【" + row[1] + "】会费收款确认（收据 " + Receipt.number(receiptNo) + "）",
					bill.partyName() + "：\n\n您好！" + row[1] + "已收到您缴纳的" + bill.year() + "年度会费 ¥" + Fen.format(fen)
							+ "（" + ChineseAmount.of(fen) + "），收据号 " + Receipt.number(receiptNo) + "。"
							+ (credit > 0 ? "其中 ¥" + Fen.format(credit) + " 已转为预存，将抵扣以后的会费。" : "")
							+ "\n可登录会员服务“我的会费”查看并下载收据。\n\n" + row[1],
					"dues.receipt", "dues.receipt:" + entryId)));
	}

	/** Pays back part or all of the member's credit (an overpayment), recorded against the bill it came through. */
	@Transactional
	public Long refund(Long billId, RefundForm form) {
		LockedBill bill = lock(billId);
		// the member's other bills may move credit too: serialise on the membership
		jdbc.sql("select id from membership where id = :m for update").param("m", bill.membershipId())
			.query(Long.class).single();
		Long fen = Fen.parse(form.amount());
		if (fen == null || fen == 0) {
			throw new RuleViolationException("amount", "dues.refund.amount.invalid");
		}
		long credit = creditOf(bill.membershipId());
		if (fen > credit) {
			throw new RuleViolationException("amount", "dues.refund.tooLarge", Fen.format(credit));
		}
		if (form.method() == null) {
			throw new RuleViolationException("method", "dues.payment.method.required");
		}
		if (form.reason() == null || form.reason().isBlank()) {
			throw new RuleViolationException("reason", "dues.refund.reason.required");
		}
		Long entryId = insert(bill, EntryKind.REFUND, fen, 0, -fen)
			.param("method", form.method().name())
			.param("reference", blankToNull(form.reference()))
			.param("on", LocalDate.now())
			.param("reason", form.reason().strip())
			.param("approver", null)
			.param("corrects", null)
			.param("receipt", null)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesRefund", entryId)
			.org(bill.orgId())
			.summary(bill.partyName() + " 退还预存 ¥" + Fen.format(fen) + "：" + form.reason().strip()));
		return entryId;
	}

	/** The member's credit (overpayments not yet used or refunded), in fen. */
	@Transactional(readOnly = true)
	public long creditOf(Long membershipId) {
		return jdbc.sql("select coalesce(sum(credit_fen), 0) from dues_entry where membership_id = :m")
			.param("m", membershipId)
			.query(Long.class)
			.single();
	}

	private void refuseDuplicate(Long orgId, String reference) {
		// Serialises clerks recording the same reference; the check below then sees any earlier one.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "dues-reference:" + orgId + ":" + reference)
			.query((rs, n) -> 1)
			.list();
		jdbc.sql("""
				select receipt_no from dues_entry p
				where p.org_id = :org and p.reference = :reference and p.kind = 'PAYMENT'
				  and not exists (select 1 from dues_entry c where c.corrects_id = p.id)
				""")
			.param("org", orgId)
			.param("reference", reference)
			.query(Long.class)
			.optional()
			.ifPresent(receipt -> {
				throw new RuleViolationException("reference", "dues.payment.reference.duplicate", reference,
						Receipt.number(receipt));
			});
	}

	private LockedBill lock(Long billId) {
		return jdbc.sql("""
				select b.id, b.membership_id, b.org_id, b.org_path, b.year, b.amount_fen, b.paid_fen, b.waived_fen,
				       (select party_name from membership m where m.id = b.membership_id) as party_name
				from dues_bill b where b.id = :id and b.org_path like :scope for update of b
				""")
			.param("id", billId)
			.param("scope", scopes.current().pathPattern())
			.query(LockedBill.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("DuesBill", billId));
	}

	private JdbcClient.StatementSpec insert(LockedBill bill, EntryKind kind, long amount, long applied, long credit) {
		return jdbc.sql("""
				insert into dues_entry (membership_id, org_id, org_path, bill_id, kind, amount_fen, applied_fen, credit_fen,
				                        method, reference, occurred_on, reason, approver, corrects_id, receipt_no, recorded_by)
				values (:membership, :org, :path, :bill, :kind, :amount, :applied, :credit,
				        :method, :reference, :on, :reason, :approver, :corrects, :receipt, :by)
				returning id
				""")
			.param("membership", bill.membershipId())
			.param("org", bill.orgId())
			.param("path", bill.orgPath())
			.param("bill", bill.id())
			.param("kind", kind.name())
			.param("amount", amount)
			.param("applied", applied)
			.param("credit", credit)
			.param("by", SecurityContextHolder.getContext().getAuthentication().getName());
	}

	private void move(Long billId, long paid, long waived) {
		jdbc.sql("update dues_bill set paid_fen = paid_fen + :paid, waived_fen = waived_fen + :waived where id = :id")
			.param("paid", paid)
			.param("waived", waived)
			.param("id", billId)
			.update();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
