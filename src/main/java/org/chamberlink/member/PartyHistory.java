package org.chamberlink.member;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.chamberlink.audit.AuditRecord;
import org.chamberlink.audit.AuditTrail;

import org.chamberlink.organization.DataScope;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A party's history as the caller may read it (decision 0019): what the organisations of the
 * caller's subtree recorded, and the changes of the registered facts every holder shares. What
 * another chamber did with the same enterprise — its contacts, its staff, its memberships — is
 * that chamber's. An account whose subtree covers every membership reads everything.
 */
@Service
public class PartyHistory {

	/** Entries every holder reads: the shared facts changed. */
	static final String SHARED_UPDATE = "UPDATE_SHARED";

	private final Members members;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	PartyHistory(Members members, AuditTrail audit, JdbcClient jdbc) {
		this.members = members;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Page<AuditRecord> of(Long partyId, Pageable pageable) {
		members.get(partyId);
		return audit.history("Party", partyId.toString(), readableOrgs(partyId), List.of(SHARED_UPDATE), pageable);
	}

	/** The history of the parties merged into this one, which stays theirs (first page each). */
	@Transactional(readOnly = true)
	public List<AuditRecord> ofMerged(Long partyId, Pageable pageable) {
		members.get(partyId);
		Set<Long> orgs = readableOrgs(partyId);
		return jdbc.sql("select id from party where merged_into = :id order by id")
			.param("id", partyId)
			.query(Long.class)
			.list()
			.stream()
			.flatMap(merged -> audit.history("Party", merged.toString(), orgs, List.of(SHARED_UPDATE), pageable)
				.stream())
			.toList();
	}

	private Set<Long> readableOrgs(Long partyId) {
		if (members.coversEveryMembership(partyId)) {
			return null;
		}
		DataScope scope = members.scope();
		Set<Long> orgs = new TreeSet<>(jdbc.sql("""
				select org_id from membership where party_id = :party and %1$s
				union select org_id from party_contact where party_id = :party and %1$s
				""".formatted(scope.on("org_path")))
			.param("party", partyId)
			.params(scope.param())
			.query(Long.class)
			.list());
		Long own = members.callerOrgId();
		if (own != null) {
			orgs.add(own);
		}
		return orgs;
	}

}
