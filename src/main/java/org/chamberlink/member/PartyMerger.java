package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves everything of a duplicate party to the survivor: memberships, contacts, leadership links,
 * applications and a member sign-in; the duplicate stays, marked merged, with its history. It
 * checks no scope: its callers do (a merge needs an account whose subtree covers every membership
 * of both parties, decision 0019).
 */
@Component
class PartyMerger {

	private final JdbcClient jdbc;

	private final PartyContacts contacts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PartyMerger(JdbcClient jdbc, PartyContacts contacts, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Returns the memberships moved. */
	int merge(Long survivorId, Long duplicateId, String duplicateName, Long orgId) {
		String reason = "合并至会员 #" + survivorId;
		// Where both are current members of one organisation, the duplicate's membership ends today.
		jdbc.sql("""
				update membership d set left_on = greatest(:today, d.joined_on), leave_reason = :reason,
				       version = d.version + 1
				where d.party_id = :duplicate and d.left_on is null
				  and exists (select 1 from membership s where s.party_id = :survivor and s.org_id = d.org_id
				              and s.left_on is null)
				returning d.id as membership_id, d.party_id, d.org_id, d.org_path, d.left_on
				""")
			.param("today", LocalDate.now(clock))
			.param("reason", reason)
			.param("duplicate", duplicateId)
			.param("survivor", survivorId)
			.query(MembershipEnded.class)
			.list()
			.forEach(events::publishEvent);
		int moved = jdbc.sql("update membership set party_id = :survivor where party_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		for (String column : List.of("person_id", "enterprise_id")) {
			jdbc.sql("insert into party_leader (person_id, enterprise_id) select "
					+ (column.equals("person_id") ? ":survivor, enterprise_id" : "person_id, :survivor")
					+ " from party_leader where " + column + " = :duplicate on conflict do nothing")
				.param("survivor", survivorId)
				.param("duplicate", duplicateId)
				.update();
			jdbc.sql("delete from party_leader where " + column + " = :duplicate")
				.param("duplicate", duplicateId)
				.update();
		}
		jdbc.sql("update join_application set party_id = :survivor where party_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		jdbc.sql("""
				update member_account set party_id = :survivor
				where party_id = :duplicate and not exists (select 1 from member_account where party_id = :survivor)
				""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		contacts.moveAll(duplicateId, survivorId);
		jdbc.sql("update party set status = 'MERGED', merged_into = :survivor, version = version + 1 where id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("mergedFrom", new Change(null, "#" + duplicateId + " " + duplicateName));
		changes.put("memberships", new Change(null, moved));
		audit.record(AuditEntry.of("MERGE").entity("Party", survivorId).org(orgId).changes(changes)
			.summary("audit.summary.mergedFrom", duplicateId));
		audit.record(AuditEntry.of("MERGE").entity("Party", duplicateId).org(orgId)
			.changes(Map.of("status", new Change("ACTIVE", "MERGED"), "mergedInto", new Change(null, survivorId)))
			.summary("audit.summary.mergedInto", survivorId));
		return moved;
	}

}
