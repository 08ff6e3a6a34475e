package org.chamberlink.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Writes the checked rows of a chamber import, set-based, in the caller's transaction: ids drawn
 * from the table's sequence in one call, so each row's materialised path (its parent's path and
 * its own id) is known before it is written; all rows in one INSERT … SELECT from arrays; their
 * audit entries in one more statement; then one {@link OrganizationRegistered} per chamber, as a
 * chamber registered by hand publishes.
 */
@Component
class ChamberImportWriter {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	ChamberImportWriter(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	/** Writes the rows (all checked good) and returns how many chambers were created. */
	int write(List<ChamberImportCheck.Row> good) {
		if (good.isEmpty()) {
			return 0;
		}
		int n = good.size();
		List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('organization', 'id')) from generate_series(1, :n)")
			.param("n", n)
			.query(Long.class)
			.list();
		Long[] id = ids.toArray(Long[]::new);
		String[] kind = new String[n];
		String[] name = new String[n];
		String[] region = new String[n];
		String[] origin = new String[n];
		Long[] parent = new Long[n];
		String[] path = new String[n];
		String[] founded = new String[n];
		Boolean[] registered = new Boolean[n];
		String[] code = new String[n];
		String[] party = new String[n];
		for (int i = 0; i < n; i++) {
			ChamberImportCheck.Row row = good.get(i);
			NewOrganization chamber = row.chamber;
			kind[i] = chamber.chamberKind().name();
			name[i] = chamber.name().trim();
			region[i] = row.region.code();
			origin[i] = row.origin == null ? null : row.origin.code();
			parent[i] = row.parent.id();
			path[i] = row.parent.path() + id[i] + "/";
			founded[i] = chamber.foundedOn() == null ? null : chamber.foundedOn().toString();
			registered[i] = Boolean.TRUE.equals(chamber.registered());
			code[i] = StringUtils.hasText(chamber.registrationCode()) ? chamber.registrationCode().trim() : null;
			party[i] = StringUtils.hasText(chamber.partyOrganisation()) ? chamber.partyOrganisation() : "NONE";
		}
		// chambers take members from their public join page, as one registered by hand does
		jdbc.sql("""
				insert into organization (id, type, chamber_kind, name, region_code, origin_region_code, parent_id, path, founded_on,
				                          registered, registration_code, party_organisation, accepts_join_applications)
				overriding system value
				select r.id, 'CHAMBER', r.kind, r.name, r.region, r.origin, r.parent, r.path, r.founded, r.registered, r.code,
				       r.party, true
				from unnest(cast(:id as bigint[]), cast(:kind as varchar[]), cast(:name as varchar[]),
				            cast(:region as varchar[]), cast(:origin as varchar[]), cast(:parent as bigint[]),
				            cast(:path as varchar[]), cast(:founded as date[]), cast(:registered as boolean[]),
				            cast(:code as varchar[]), cast(:party as varchar[]))
				     as r(id, kind, name, region, origin, parent, path, founded, registered, code, party)
				order by r.id
				""")
			.param("id", id)
			.param("kind", kind)
			.param("name", name)
			.param("region", region)
			.param("origin", origin)
			.param("parent", parent)
			.param("path", path)
			.param("founded", founded)
			.param("registered", registered)
			.param("code", code)
			.param("party", party)
			.update();
		List<AuditEntry> entries = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Map<String, Change> changes = new java.util.LinkedHashMap<>();
			changes.put("name", new Change(null, name[i]));
			changes.put("type", new Change(null, OrganizationType.CHAMBER.name()));
			changes.put("regionCode", new Change(null, region[i]));
			if (origin[i] != null) {
				changes.put("originRegionCode", new Change(null, origin[i]));
			}
			entries.add(AuditEntry.of(AuditAction.CREATE).entity("Organization", id[i]).org(id[i]).changes(changes));
		}
		audit.recordAll(entries);
		for (int i = 0; i < n; i++) {
			events.publishEvent(new OrganizationRegistered(id[i], path[i], parent[i], OrganizationType.CHAMBER,
					good.get(i).chamber.chamberKind(), region[i], name[i]));
		}
		return n;
	}

}
