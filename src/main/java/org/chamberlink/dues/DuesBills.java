package org.chamberlink.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.LikePattern;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading bills, their ledger entries and receipts by staff, within their scope (a member's own: {@link OwnDues}). */
@Service
public class DuesBills {

	static final String BILL = """
			select b.id, b.membership_id, b.party_id, m.party_name, b.org_id, null as org_name, b.year, b.role,
			       b.amount_fen, b.paid_fen, b.waived_fen, b.due_on, b.issued_on
			from dues_bill b join published_membership m on m.membership_id = b.membership_id
			""";

	private static final String ENTRY = """
			select e.id, e.kind, e.amount_fen, e.applied_fen, e.credit_fen, e.method, e.reference, e.occurred_on, e.reason,
			       e.approver, e.corrects_id, e.receipt_no, e.recorded_by, e.recorded_at,
			       exists (select 1 from dues_entry c where c.corrects_id = e.id) as reversed
			from dues_entry e
			""";

	static final String RECEIPT = """
			select e.id as entry_id, e.bill_id, e.receipt_no, e.org_id, null as org_name, m.party_name, b.year, b.role, e.amount_fen,
			       e.applied_fen, e.credit_fen, e.method, e.reference, e.occurred_on as paid_on, e.recorded_by,
			       null as recorded_by_name, e.recorded_at,
			       exists (select 1 from dues_entry c where c.corrects_id = e.id) as reversed
			from dues_entry e join dues_bill b on b.id = e.bill_id join published_membership m on m.membership_id = e.membership_id
			where e.kind = 'PAYMENT'
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final ReceiptNames receiptNames;

	private final Clock clock;

	DuesBills(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Clock clock, ReceiptNames receiptNames) {
		this.receiptNames = receiptNames;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public DuesBill get(Long billId) {
		DataScope scope = scopes.current();
		return jdbc.sql(BILL + " where b.id = :id and " + scope.on("b.org_path"))
			.param("id", billId)
			.params(scope.param())
			.query(DuesBill.class)
			.optional()
			.map(bill -> named(List.of(bill)).get(0))
			.orElseThrow(() -> new RecordNotFoundException("DuesBill", billId));
	}

	/** The bill's ledger entries, oldest first (the caller has read the bill through {@link #get}). */
	@Transactional(readOnly = true)
	public List<DuesEntry> entries(Long billId) {
		DataScope scope = scopes.current();
		return jdbc.sql(ENTRY + " where e.bill_id = :bill and " + scope.on("e.org_path") + " order by e.id")
			.param("bill", billId)
			.params(scope.param())
			.query(DuesEntry.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Receipt receipt(Long entryId) {
		DataScope scope = scopes.current();
		return jdbc.sql(RECEIPT + " and e.id = :id and " + scope.on("e.org_path"))
			.param("id", entryId)
			.params(scope.param())
			.query(Receipt.class)
			.optional()
			.map(receiptNames::of)
			.orElseThrow(() -> new RecordNotFoundException("DuesReceipt", entryId));
	}

	@Transactional(readOnly = true)
	public Page<DuesBill> search(BillFilter filter, Pageable pageable) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		long total = jdbc.sql("select count(*) from dues_bill b" + (filter.keyword() == null || filter.keyword().isBlank()
				? "" : " join published_membership m on m.membership_id = b.membership_id") + where)
			.params(params)
			.query(Long.class)
			.single();
		List<DuesBill> rows = jdbc.sql(BILL + where + " order by b.due_on, m.party_name, b.id limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(DuesBill.class)
			.list();
		return new PageImpl<>(named(rows), pageable, total);
	}

	/** Every bill the filter selects, streamed (the export). */
	@Transactional(readOnly = true)
	public void forEach(BillFilter filter, Consumer<DuesBill> consumer) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		// an export names a county's few dozen organisations, a province's few thousand: each read once
		Map<Long, String> names = new HashMap<>();
		try (var bills = jdbc.sql(BILL + where + " order by b.due_on, m.party_name, b.id")
			.params(params)
			.query(DuesBill.class)
			.stream()) {
			bills.forEach(bill -> {
				if (!names.containsKey(bill.orgId())) {
					names.putAll(organizations.namesUnscoped(List.of(bill.orgId())));
				}
				consumer.accept(bill.named(names));
			});
		}
	}

	private List<DuesBill> named(List<DuesBill> bills) {
		Map<Long, String> names = organizations.namesUnscoped(bills.stream().map(DuesBill::orgId).toList());
		return bills.stream().map(bill -> bill.named(names)).toList();
	}

	private String where(BillFilter filter, Map<String, Object> params) {
		DataScope scope = scopes.current();
		StringBuilder where = new StringBuilder(" where " + scope.on("b.org_path"));
		params.putAll(scope.param());
		if (filter.orgId() != null) {
			OrganizationSummary org = organizations.get(filter.orgId());
			if (filter.subtree()) {
				DataScope subtree = DataScope.subtree(org.path());
				where.append(" and ").append(subtree.on("b.org_path"));
				params.putAll(subtree.param());
			}
			else {
				where.append(" and b.org_path = :path");
				params.put("path", org.path());
			}
		}
		if (filter.year() != null) {
			where.append(" and b.year = :year");
			params.put("year", filter.year());
		}
		if (filter.state() != null) {
			where.append(switch (filter.state()) {
				case SETTLED -> " and b.paid_fen + b.waived_fen >= b.amount_fen";
				case OPEN -> " and b.paid_fen + b.waived_fen < b.amount_fen";
				case OVERDUE -> " and b.paid_fen + b.waived_fen < b.amount_fen and b.due_on < :today";
			});
			params.put("today", LocalDate.now(clock));
		}
		if (filter.role() != null) {
			where.append(" and b.role = :role");
			params.put("role", filter.role().name());
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.append(" and m.party_name like :keyword");
			params.put("keyword", LikePattern.containing(filter.keyword()));
		}
		return where.toString();
	}

}
