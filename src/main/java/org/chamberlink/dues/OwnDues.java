package org.chamberlink.dues;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MembershipFacts;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in member's own bills and receipts, in every organisation they belong to: found by their
 * memberships, which the member module names ({@link MembershipFacts#idsOf}), not by the caller's scope.
 */
@Service
public class OwnDues {

	private final JdbcClient jdbc;

	private final MembershipFacts memberships;

	private final Organizations organizations;

	private final ReceiptNames receiptNames;

	OwnDues(JdbcClient jdbc, MembershipFacts memberships, Organizations organizations, ReceiptNames receiptNames) {
		this.receiptNames = receiptNames;
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.organizations = organizations;
	}

	/** A signed-in member's own bills, newest year first. */
	@Transactional(readOnly = true)
	public List<DuesBill> own(AccountPrincipal member) {
		List<Long> own = memberships.idsOf(member);
		if (own.isEmpty()) {
			return List.of();
		}
		return named(jdbc.sql(DuesBills.BILL + " where b.membership_id in (:own) order by b.year desc")
			.param("own", own)
			.query(DuesBill.class)
			.list()).stream()
			.sorted(Comparator.comparing(DuesBill::year).reversed()
				.thenComparing(DuesBill::orgName, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/** A member's own receipts (reversed ones included, marked). */
	@Transactional(readOnly = true)
	public List<Receipt> ownReceipts(AccountPrincipal member) {
		List<Long> own = memberships.idsOf(member);
		if (own.isEmpty()) {
			return List.of();
		}
		List<Receipt> receipts = jdbc.sql(DuesBills.RECEIPT + " and e.membership_id in (:own) order by e.occurred_on desc, e.id desc")
			.param("own", own)
			.query(Receipt.class)
			.list();
		return receiptNames.of(receipts);
	}

	@Transactional(readOnly = true)
	public Optional<Receipt> ownReceipt(AccountPrincipal member, Long entryId) {
		List<Long> own = memberships.idsOf(member);
		if (own.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(DuesBills.RECEIPT + " and e.id = :id and e.membership_id in (:own)")
			.param("id", entryId)
			.param("own", own)
			.query(Receipt.class)
			.optional()
			.map(receiptNames::of);
	}

	private List<DuesBill> named(List<DuesBill> bills) {
		Map<Long, String> names = organizations.namesUnscoped(bills.stream().map(DuesBill::orgId).toList());
		return bills.stream().map(bill -> bill.named(names)).toList();
	}

}
