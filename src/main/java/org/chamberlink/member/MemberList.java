package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filtered member list within a scope: one page of it (the list page, the API, the pickers of
 * other modules through {@link Members#search}), every row of it (exports) and its length.
 */
@Component
class MemberList {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final PartyContacts contacts;

	private final Clock clock;

	MemberList(JdbcClient jdbc, Organizations organizations, PartyContacts contacts, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.contacts = contacts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Page<MemberRow> page(MemberFilter filter, DataScope scope, Pageable pageable) {
		MemberQuery query = query(filter, scope);
		long total = jdbc.sql(query.count()).params(query.params()).query(Long.class).single();
		List<MemberRow> rows = jdbc.sql(query.page())
			.params(query.params())
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(MemberRow.MAPPER)
			.list();
		Map<Long, String> names = organizations.namesUnscoped(rows.stream().map(MemberRow::orgId).toList());
		rows = rows.stream().map(row -> row.named(names)).toList();
		return new PageImpl<>(rows, pageable, total);
	}

	/** Every row of the filtered list in the list's order, streamed (exports of any size). */
	@Transactional(readOnly = true)
	void forEach(MemberFilter filter, DataScope scope, Consumer<MemberRow> consumer) {
		MemberQuery query = query(filter, scope);
		try (var rows = jdbc.sql(query.select()).params(query.params()).withFetchSize(2_000)
			.query(MemberRow.MAPPER)
			.stream()) {
			// an export names a county's few dozen organisations, a province's few thousand: each read once
			Map<Long, String> names = new HashMap<>();
			rows.forEach(row -> {
				if (!names.containsKey(row.orgId())) {
					names.putAll(organizations.namesUnscoped(List.of(row.orgId())));
				}
				consumer.accept(row.named(names));
			});
		}
	}

	@Transactional(readOnly = true)
	long count(MemberFilter filter, DataScope scope) {
		MemberQuery query = query(filter, scope);
		return jdbc.sql(query.count()).params(query.params()).query(Long.class).single();
	}

	private MemberQuery query(MemberFilter filter, DataScope scope) {
		String orgPath = filter.orgId() == null ? null : organizations.get(filter.orgId()).path();
		return new MemberQuery(filter, scope, orgPath, LocalDate.now(clock), new MemberQuery.PartyLookup() {

			@Override
			public List<Long> byCreditCode(String creditCode) {
				// unscoped on purpose: the list's scope condition keeps only memberships of the subtree
				return jdbc.sql("select id from party where status = 'ACTIVE' and credit_code = :code")
					.param("code", creditCode)
					.query(Long.class)
					.list();
			}

			@Override
			public List<Long> byPhoneSuffix(String last4) {
				return contacts.partiesByPhoneSuffix(last4, scope);
			}

		});
	}

}
