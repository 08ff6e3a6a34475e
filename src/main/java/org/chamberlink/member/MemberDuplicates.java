package org.chamberlink.member;

import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RuleViolationException;

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

	// (every count and contact below is of the caller's subtree: a holder elsewhere is never hinted at)
	private static String memberships(DataScope scope) {
		return "(select count(*) from membership c where c.party_id = p.id and " + scope.on("c.org_path") + ")";
	}

	/** Parties of the subtree whose contacts there share a phone. */
	private static String sharedPhone(DataScope scope) {
		return """
				select 'PHONE' as reason, encode(k.phone_hash, 'hex') as group_key, p.id, p.kind, p.name, p.credit_code,
				       p.region_code, k.phone_masked, p.id_number_masked, %s as memberships
				from (select distinct on (c.party_id, c.phone_hash) c.party_id, c.phone_hash, c.phone_masked
				      from party_contact c
				      where %s and c.phone_hash in (
				          select d.phone_hash from party_contact d
				          where %s and d.phone_hash is not null
				          group by 1 having count(distinct d.party_id) > 1)) k
				join party p on p.id = k.party_id and p.status = 'ACTIVE'
				""".formatted(memberships(scope), scope.on("c.org_path"), scope.on("d.org_path"));
	}

	/** Parties of the subtree with the same normalised name in one region. */
	private static String similarName(DataScope scope) {
		return """
				select 'NAME' as reason, p.region_code || ':' || p.name_key as group_key, p.id, p.kind, p.name, p.credit_code,
				       p.region_code,
				       (select c.phone_masked from party_contact c where c.party_id = p.id and %s
				        order by length(c.org_path) limit 1) as phone_masked,
				       p.id_number_masked, %s as memberships
				from party p
				where p.status = 'ACTIVE' and (p.region_code, p.name_key) in (
				    select d.region_code, d.name_key from party d
				    where d.status = 'ACTIVE' and d.region_code is not null
				      and exists (select 1 from membership v where v.party_id = d.id and %s)
				    group by 1, 2 having count(*) > 1)
				  and exists (select 1 from membership v where v.party_id = p.id and %s)
				""".formatted(scope.on("c.org_path"), memberships(scope), scope.on("v.org_path"), scope.on("v.org_path"));
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Members members;

	private final PartyMerger merger;

	MemberDuplicates(JdbcClient jdbc, DataScopes scopes, Members members, PartyMerger merger) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.members = members;
		this.merger = merger;
	}

	/** Likely duplicates among the parties in the caller's scope, grouped (ordered by reason and group). */
	@Transactional(readOnly = true)
	public List<DuplicateCandidate> report() {
		DataScope scope = scopes.current();
		return jdbc.sql(sharedPhone(scope) + " union all " + similarName(scope) + " order by reason, group_key, id limit "
				+ MAX_ROWS)
			.params(scope.param())
			.query(DuplicateCandidate.class)
			.list();
	}

	/**
	 * Merges each duplicate into the survivor; returns the memberships moved. A merge rewrites what
	 * every holder sees, so only an account whose subtree covers every membership of both may do it;
	 * a party outside the subtree answers as one that does not exist.
	 */
	@Transactional
	public int merge(Long survivorId, List<Long> duplicateIds) {
		PartyDetails survivor = members.get(survivorId);
		List<PartyDetails> duplicates = duplicateIds.stream()
			.filter(java.util.Objects::nonNull)
			.distinct()
			.map(members::get)
			.filter(duplicate -> !duplicate.id().equals(survivor.id()))
			.toList();
		if (!members.coversEveryMembership(survivor.id())) {
			throw new RuleViolationException("survivorId", "duplicates.notCovering", survivor.name());
		}
		for (PartyDetails duplicate : duplicates) {
			if (duplicate.kind() != survivor.kind()) {
				throw new RuleViolationException("duplicateIds", "duplicates.differentKinds", duplicate.name());
			}
			if (!members.coversEveryMembership(duplicate.id())) {
				throw new RuleViolationException("duplicateIds", "duplicates.notCovering", duplicate.name());
			}
		}
		int moved = 0;
		for (PartyDetails duplicate : duplicates) {
			moved += merger.merge(survivor.id(), duplicate.id(), duplicate.name(), members.callerOrgId());
		}
		return moved;
	}

}
