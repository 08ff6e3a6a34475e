package org.chamberlink.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The filtered list of organisations within the caller's scope, a page at a time or streamed; {@link Organizations} offers it. */
@Component
class OrganizationList {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrganizationRegionNames regions;

	private final Clock clock;

	OrganizationList(JdbcClient jdbc, DataScopes scopes, OrganizationRegionNames regions, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * The list's conditions: the scope and the filter's parameters, each ignored when null. The region
	 * matches where an organisation sits, and an out-of-town chamber's origin too (decision 31).
	 */
	private static String filter(DataScope scope) {
		return """
				where %s
				  and (cast(:type as varchar) is null or o.type = :type)
				  and (cast(:kind as varchar) is null or o.chamber_kind = :kind)
				  and (cast(:region as varchar) is null or o.region_code like :region
				       or o.origin_region_code like :region)
				  and (cast(:registered as boolean) is null or o.registered = :registered)
				  and (cast(:hasParty as boolean) is null or (o.party_organisation <> 'NONE') = :hasParty)
				  and (cast(:renewalDue as boolean) is null
				       or (p.ends_on is not null and p.ends_on <= :dueBy) = :renewalDue)
				  and (cast(:keyword as varchar) is null or o.name like :keyword)
				""".formatted(scope.on("o.path"));
	}

	/** How many streamed rows (an export) take their regions' names in one lookup. */
	private static final int NAMED_BATCH = 500;

	/** One page of the filtered list, in tree order. */
	@Transactional(readOnly = true)
	Page<OrganizationSummary> search(OrganizationFilter filter, Pageable pageable) {
		long total = filtered(list -> "select count(*) from (" + list + ") counted", filter).query(Long.class)
			.single();
		List<OrganizationSummary> rows = regions.named(filtered(list -> list + " order by o.path limit :limit offset :offset",
				filter)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(OrganizationSummary.class)
			.list());
		return new PageImpl<>(rows, pageable, total);
	}

	/** Every row of the filtered list, streamed (for exports of any size). */
	@Transactional(readOnly = true)
	void forEach(OrganizationFilter filter, Consumer<OrganizationSummary> consumer) {
		List<OrganizationSummary> batch = new ArrayList<>(NAMED_BATCH);
		try (var rows = filtered(list -> list + " order by o.path", filter).query(OrganizationSummary.class)
			.stream()) {
			rows.forEach(row -> {
				batch.add(row);
				if (batch.size() == NAMED_BATCH) {
					regions.named(batch).forEach(consumer);
					batch.clear();
				}
			});
		}
		regions.named(batch).forEach(consumer);
	}

	/** The filtered list within the scope, its parameters bound; {@code around} completes the statement. */
	private JdbcClient.StatementSpec filtered(UnaryOperator<String> around, OrganizationFilter filter) {
		DataScope scope = scopes.current();
		return jdbc.sql(around.apply(Organizations.SUMMARY + filter(scope)))
			.params(scope.param())
			.param("type", filter.type() == null ? null : filter.type().name())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("region", filter.regionPattern())
			.param("registered", filter.registered())
			.param("hasParty", filter.hasParty())
			.param("renewalDue", filter.renewalDue())
			.param("dueBy", OrganizationSummary.renewalDueBy(LocalDate.now(clock)))
			.param("keyword", filter.keywordPattern());
	}

}
