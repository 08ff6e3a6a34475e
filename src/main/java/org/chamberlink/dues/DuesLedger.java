package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.notification.Notifications;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.CalendarDates;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dues ledger: payments and waivers, each a new entry that is never changed afterwards
 * (corrections and refunds: {@link DuesCorrections}). The bill's paid and waived sums are moved in the same transaction, under
 * the bill's row lock, so two clerks recording at once cannot overpay a bill.
 */
@Service
public class DuesLedger {

	private final JdbcClient jdbc;

	private final LedgerEntries entries;

	private final AuditTrail audit;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Organizations organizations;

	private final DuesNotices texts;

	DuesLedger(JdbcClient jdbc, LedgerEntries entries, AuditTrail audit, Notifications notifications,
			ApplicationEventPublisher events, Clock clock, Organizations organizations, DuesNotices texts) {
		this.organizations = organizations;
		this.texts = texts;
		this.jdbc = jdbc;
		this.entries = entries;
		this.audit = audit;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * An organisation's ledger summed by kind of entry between two days (both included): payments,
	 * corrections (negative), refunds (money paid back), waivers and credit used — what the
	 * organisation's finance disclosure (三公开) computes its dues income from. One range of the
	 * (org_id, occurred_on) index. Not found outside the caller's scope, like an unknown organisation.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<EntryKind, Long> sumsByKind(Long orgId, LocalDate from, LocalDate to) {
		organizations.get(orgId);
		java.util.Map<EntryKind, Long> sums = new java.util.EnumMap<>(EntryKind.class);
		jdbc.sql("""
				select kind, sum(amount_fen) as fen from dues_entry
				where org_id = :org and occurred_on between :from and :to group by kind
				""").param("org", orgId).param("from", from).param("to", to)
			.query((rs, n) -> sums.put(EntryKind.valueOf(rs.getString("kind")), rs.getLong("fen"))).list();
		return sums;
	}

	/**
	 * Records money received for a bill. What exceeds the outstanding amount becomes the member's
	 * credit; a receipt number is taken from the organisation's sequence. Returns the entry's id.
	 */
	@Transactional
	public Long pay(Long billId, PaymentForm form) {
		LedgerEntries.LockedBill bill = entries.lock(billId);
		Long fen = Fen.parse(form.amount());
		if (fen == null || fen == 0) {
			throw new RuleViolationException("amount", "dues.payment.amount.invalid");
		}
		if (form.paidOn() == null) {
			throw new RuleViolationException("paidOn", "dues.payment.paidOn.required");
		}
		if (form.paidOn().isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("paidOn", "dues.payment.paidOn.future");
		}
		CalendarDates.requirePlausible("paidOn", "dues.payment.paidOn", form.paidOn());
		CalendarDates.requireNotBefore("paidOn", "dues.payment.paidOn", form.paidOn(), bill.joinedOn(),
				"input.beforeJoined");
		if (form.method() == null) {
			throw new RuleViolationException("method", "dues.payment.method.required");
		}
		String reference = form.reference() == null || form.reference().isBlank() ? null : form.reference().strip();
		if (reference == null && form.method() != PaymentMethod.CASH) {
			throw new RuleViolationException("reference", "dues.payment.reference.required");
		}
		org.chamberlink.shared.TextLimit.atMost("note", "dues.payment.note", form.note(), 300);
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
		Long entryId = entries.insert(bill, NewEntry.payment(fen, applied, credit, form.method(), reference,
				form.paidOn(), LedgerEntries.blankToNull(form.note()), receiptNo));
		entries.move(bill.id(), applied, 0);
		confirm(bill, entryId, receiptNo, fen, credit);
		// paid before the day it is entered: entered after the fact (补录, decision 32), audited as such
		boolean backdated = form.paidOn().isBefore(LocalDate.now(clock));
		audit.record(AuditEntry.of(backdated ? AuditAction.BACKDATED : AuditAction.CREATE)
			.entity("DuesPayment", entryId)
			.org(bill.orgId())
			.summary(bill.partyName() + " " + bill.year() + " 会费缴费 ¥" + Fen.format(fen) + " 收据 " + receiptNo
					+ (backdated ? "（补录，到账日期 " + form.paidOn() + "）" : "")));
		events.publishEvent(new PaymentRecorded(entryId, bill.id(), bill.membershipId(), bill.partyId(), bill.orgId(),
				bill.orgPath(), bill.year(), fen, applied, credit, form.method(), form.paidOn()));
		LedgerEntries.settled(bill, applied, 0, entryId, form.paidOn()).ifPresent(events::publishEvent);
		return entryId;
	}

	/** Forgives all or part of what a bill still owes, with the reason and who approved it. */
	@Transactional
	public Long waive(Long billId, WaiverForm form) {
		LedgerEntries.LockedBill bill = entries.lock(billId);
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
		org.chamberlink.shared.TextLimit.atMost("reason", "dues.waiver.reason", form.reason(), 300);
		org.chamberlink.shared.TextLimit.atMost("approver", "dues.waiver.approver", form.approver(), 100);
		if (form.approver() == null || form.approver().isBlank()) {
			throw new RuleViolationException("approver", "dues.waiver.approver.required");
		}
		Long entryId = entries.insert(bill, NewEntry.waiver(fen, LocalDate.now(clock), form.reason().strip(),
				form.approver().strip()));
		entries.move(bill.id(), 0, fen);
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesWaiver", entryId)
			.org(bill.orgId())
			.summary(bill.partyName() + " " + bill.year() + " 会费减免 ¥" + Fen.format(fen) + "：" + form.reason().strip()
					+ "（批准：" + form.approver().strip() + "）"));
		LedgerEntries.settled(bill, 0, fen, entryId, LocalDate.now(clock)).ifPresent(events::publishEvent);
		return entryId;
	}

	// The member is told by mail, written to the outbox with the payment itself.
	private void confirm(LedgerEntries.LockedBill bill, Long entryId, Long receiptNo, long fen, long credit) {
		jdbc.sql("select email from published_party_email where party_id = :party and org_id = :org")
			.param("party", bill.partyId())
			.param("org", bill.orgId())
			.query(String.class)
			.optional()
			.map(email -> new String[] { email, organizations.namesUnscoped(List.of(bill.orgId())).get(bill.orgId()) })
			.ifPresent(row -> notifications.enqueue(
					texts.receipt(row[0], bill.partyName(), row[1], bill.year(), fen, credit, receiptNo, entryId)));
	}

	/** The member's credit (overpayments not yet used or refunded), in fen. */
	@Transactional(readOnly = true)
	public long creditOf(Long membershipId) {
		return entries.creditOf(membershipId);
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

}
