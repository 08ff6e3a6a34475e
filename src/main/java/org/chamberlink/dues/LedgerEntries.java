package org.chamberlink.dues;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What every ledger entry needs: the bill locked within the caller's scope (its row lock
 * serialises clerks), the entry written, the bill's paid and waived sums moved, the member's
 * credit summed.
 */
@Component
class LedgerEntries {

	record LockedBill(Long id, Long membershipId, Long partyId, Long orgId, String orgPath, int year, long amountFen,
			long paidFen, long waivedFen, String partyName, LocalDate joinedOn) {

		long outstanding() {
			return amountFen - paidFen - waivedFen;
		}

		LockedBill named(String partyName) {
			return new LockedBill(id, membershipId, partyId, orgId, orgPath, year, amountFen, paidFen, waivedFen,
					partyName, joinedOn);
		}

	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final MembershipFacts memberships;

	private final java.time.Clock clock;

	LedgerEntries(JdbcClient jdbc, DataScopes scopes, MembershipFacts memberships, java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.memberships = memberships;
	}

	long creditOf(Long membershipId) {
		return jdbc.sql("select coalesce(sum(credit_fen), 0) from dues_entry where membership_id = :m")
			.param("m", membershipId)
			.query(Long.class)
			.single();
	}

	LockedBill lock(Long billId) {
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select b.id, b.membership_id, b.party_id, b.org_id, b.org_path, b.year, b.amount_fen, b.paid_fen, b.waived_fen,
				       null as party_name, m.joined_on
				from dues_bill b left join published_membership m on m.membership_id = b.membership_id
				where b.id = :id and %s for update of b
				""".formatted(scope.on("b.org_path")))
			.param("id", billId)
			.params(scope.param())
			.query(LockedBill.class)
			.optional()
			.map(bill -> bill.named(memberships.partyNamesUnscoped(List.of(bill.membershipId())).get(bill.membershipId())))
			.orElseThrow(() -> new RecordNotFoundException("DuesBill", billId));
	}

	/** Writes a complete entry against the locked bill; returns its id. */
	Long insert(LockedBill bill, NewEntry entry) {
		return jdbc.sql("""
				insert into dues_entry (membership_id, org_id, org_path, bill_id, kind, amount_fen, applied_fen, credit_fen,
				                        method, reference, occurred_on, reason, approver, corrects_id, receipt_no, recorded_by,
				                        recorded_at)
				values (:membership, :org, :path, :bill, :kind, :amount, :applied, :credit,
				        :method, :reference, :on, :reason, :approver, :corrects, :receipt, :by, :at)
				returning id
				""")
			.param("membership", bill.membershipId())
			.param("org", bill.orgId())
			.param("path", bill.orgPath())
			.param("bill", bill.id())
			.param("kind", entry.kind().name())
			.param("amount", entry.amountFen())
			.param("applied", entry.appliedFen())
			.param("credit", entry.creditFen())
			.param("method", entry.method() == null ? null : entry.method().name())
			.param("reference", entry.reference())
			.param("on", entry.occurredOn())
			.param("reason", entry.reason())
			.param("approver", entry.approver())
			.param("corrects", entry.correctsId())
			.param("receipt", entry.receiptNo())
			.param("by", SecurityContextHolder.getContext().getAuthentication().getName())
			// when the entry was typed in, apart from the day it happened (occurred_on; decision 32)
			.param("at", java.time.OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
	}

	void move(Long billId, long paid, long waived) {
		jdbc.sql("update dues_bill set paid_fen = paid_fen + :paid, waived_fen = waived_fen + :waived where id = :id")
			.param("paid", paid)
			.param("waived", waived)
			.param("id", billId)
			.update();
	}

	/** The bill settled by an entry just written: its {@link DuesCollected}, when it still owed something before. */
	static Optional<DuesCollected> settled(LockedBill before, long paid, long waived, Long entryId, LocalDate on) {
		if (before.outstanding() <= 0 || before.outstanding() - paid - waived > 0) {
			return Optional.empty();
		}
		return Optional.of(new DuesCollected(before.id(), before.membershipId(), before.partyId(), before.orgId(),
				before.orgPath(), before.year(), before.amountFen(), before.paidFen() + paid, before.waivedFen() + waived,
				entryId, on));
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
