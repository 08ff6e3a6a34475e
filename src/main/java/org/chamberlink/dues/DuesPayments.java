package org.chamberlink.dues;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dues payments of a past period that still stand (not reversed by a correction), in one
 * query: for a module that counts them afresh (the points ledger's back-fill). Within an
 * organisation's subtree looked up in the caller's scope.
 */
@Service
public class DuesPayments {

	/** A payment entry, as its {@link PaymentRecorded} named it. */
	public record StandingPayment(Long entryId, Long orgId, String orgPath, long amountFen, LocalDate paidOn) {
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	DuesPayments(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** Payments of the subtree paid from … to and not reversed, by entry id. */
	@Transactional(readOnly = true)
	public List<StandingPayment> standing(Long orgId, LocalDate from, LocalDate to) {
		DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
		return jdbc.sql("select e.id as entry_id, e.org_id, e.org_path, e.amount_fen, e.occurred_on as paid_on from dues_entry e where "
				+ subtree.on("e.org_path") + " and e.kind = 'PAYMENT' and e.occurred_on between :from and :to"
				+ " and not exists (select 1 from dues_entry c where c.corrects_id = e.id and c.kind = 'CORRECTION') order by e.id")
			.params(subtree.param())
			.param("from", from)
			.param("to", to)
			.query(StandingPayment.class)
			.list();
	}

}
