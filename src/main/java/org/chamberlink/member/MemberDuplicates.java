package org.chamberlink.member;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds likely duplicate parties and merges them. A credit code or identity number cannot be
 * entered twice (unique indexes; imports and forms match them to the existing party), so what
 * remains to find are parties sharing a phone, and very similar names in one region: the
 * normalised name key (see {@link PartyNames}) grouped by region. Both are single grouped
 * scans. A merge moves memberships, leadership links, applications and a member sign-in to the
 * surviving party; the duplicate stays, marked merged, with its history.
 */
@Service
public class MemberDuplicates {

	/** Groups beyond this are not listed; the report says how many there are in all. */
	public static final int MAX_ROWS = 2_000;

	private static final String CANDIDATE = """
			select %s as reason, %s as group_key, p.id, p.kind, p.name, p.credit_code, p.region_code, p.phone_masked,
			       p.id_number_masked,
			       (select count(*) from membership c where c.party_id = p.id) as memberships
			from party p
			where p.status = 'ACTIVE' and %s in (
			    select %s from party d
			    where d.status = 'ACTIVE' and %s is not null
			      and exists (select 1 from membership v where v.party_id = d.id and v.org_path like :scope)
			    group by 1 having count(*) > 1)
			  and exists (select 1 from membership v where v.party_id = p.id and v.org_path like :scope)
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Members members;

	private final AuditTrail audit;

	MemberDuplicates(JdbcClient jdbc, DataScopes scopes, Members members, AuditTrail audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.members = members;
		this.audit = audit;
	}

	/** Likely duplicates among the parties in the caller's scope, grouped (ordered by reason and group). */
	@Transactional(readOnly = true)
	public List<DuplicateCandidate> report() {
		String phone = CANDIDATE.formatted("'PHONE'", "encode(p.phone_hash, 'hex')", "p.phone_hash", "d.phone_hash",
				"d.phone_hash");
		String name = CANDIDATE.formatted("'NAME'", "p.region_code || ':' || p.name_key",
				"(p.region_code, p.name_key)", "d.region_code, d.name_key", "d.region_code");
		name = name.replace("group by 1 having", "group by 1, 2 having");
		return jdbc.sql(phone + " union all " + name + " order by reason, group_key, id limit " + MAX_ROWS)
			.param("scope", scopes.current().pathPattern())
			.query(DuplicateCandidate.class)
			.list();
	}

	/** Merges each duplicate into the survivor; returns the memberships moved. */
	@Transactional
	public int merge(Long survivorId, List<Long> duplicateIds) {
		PartyDetails survivor = members.get(survivorId);
		int moved = 0;
		for (Long duplicateId : duplicateIds) {
			PartyDetails duplicate = members.get(duplicateId);
			if (duplicate.id().equals(survivor.id())) {
				continue;
			}
			if (duplicate.kind() != survivor.kind()) {
				throw new RuleViolationException("duplicateIds", "duplicates.differentKinds", duplicate.name());
			}
			moved += mergeOne(survivor, duplicate);
		}
		return moved;
	}

	private int mergeOne(PartyDetails survivor, PartyDetails duplicate) {
		String reason = "合并至会员 #" + survivor.id();
		// Where both are current members of one organisation, the duplicate's membership ends today.
		jdbc.sql("""
				update membership d set left_on = greatest(:today, d.joined_on), leave_reason = :reason,
				       version = d.version + 1
				where d.party_id = :duplicate and d.left_on is null
				  and exists (select 1 from membership s where s.party_id = :survivor and s.org_id = d.org_id
				              and s.left_on is null)
				""")
			.param("today", LocalDate.now())
			.param("reason", reason)
			.param("duplicate", duplicate.id())
			.param("survivor", survivor.id())
			.update();
		int moved = jdbc.sql("update membership set party_id = :survivor where party_id = :duplicate")
			.param("survivor", survivor.id())
			.param("duplicate", duplicate.id())
			.update();
		for (String column : List.of("person_id", "enterprise_id")) {
			jdbc.sql("insert into party_leader (person_id, enterprise_id) select "
					+ (column.equals("person_id") ? ":survivor, enterprise_id" : "person_id, :survivor")
					+ " from party_leader where " + column + " = :duplicate on conflict do nothing")
				.param("survivor", survivor.id())
				.param("duplicate", duplicate.id())
				.update();
			jdbc.sql("delete from party_leader where " + column + " = :duplicate")
				.param("duplicate", duplicate.id())
				.update();
		}
		jdbc.sql("update join_application set party_id = :survivor where party_id = :duplicate")
			.param("survivor", survivor.id())
			.param("duplicate", duplicate.id())
			.update();
		jdbc.sql("""
				update member_account set party_id = :survivor
				where party_id = :duplicate and not exists (select 1 from member_account where party_id = :survivor)
				""")
			.param("survivor", survivor.id())
			.param("duplicate", duplicate.id())
			.update();
		jdbc.sql("update party set status = 'MERGED', merged_into = :survivor, version = version + 1 where id = :duplicate")
			.param("survivor", survivor.id())
			.param("duplicate", duplicate.id())
			.update();
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("mergedFrom", new Change(null, "#" + duplicate.id() + " " + duplicate.name()));
		changes.put("memberships", new Change(null, moved));
		audit.record(AuditEntry.of("MERGE").entity("Party", survivor.id()).changes(changes)
			.summary("merged #" + duplicate.id()));
		audit.record(AuditEntry.of("MERGE").entity("Party", duplicate.id())
			.changes(Map.of("status", new Change("ACTIVE", "MERGED"), "mergedInto", new Change(null, survivor.id())))
			.summary("merged into #" + survivor.id()));
		return moved;
	}

	/** Parties merged into this one (their history stays theirs; the survivor's page shows it). */
	@Transactional(readOnly = true)
	public List<Long> mergedInto(Long partyId) {
		return jdbc.sql("select id from party where merged_into = :id order by id").param("id", partyId)
			.query(Long.class).list();
	}

}
