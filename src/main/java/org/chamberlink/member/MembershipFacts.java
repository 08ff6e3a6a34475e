package org.chamberlink.member;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chamberlink.identity.AccountPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of memberships they hold by id — a dues bill names its member, a
 * refund serialises on the membership, a member's own bills are those of their memberships — so
 * that no other module reads or locks the member module's tables (decision 0024). The by-id
 * reads are unscoped: callers reach the membership through a record of their own that they have
 * already read within the caller's scope (a bill).
 */
@Service
public class MembershipFacts {

	private final JdbcClient jdbc;

	MembershipFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The member's registered name for each membership (the party's current name). */
	@Transactional(readOnly = true)
	public Map<Long, String> partyNamesUnscoped(Collection<Long> membershipIds) {
		if (membershipIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, party_name from membership where id in (:ids)")
			.param("ids", membershipIds.stream().distinct().toList())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Locks the membership's row until the transaction ends. Whatever is written against the
	 * membership (a ledger entry, a bill: their foreign keys share-lock the row) waits meanwhile,
	 * so a module can read a balance kept over all of a membership's records and act on it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockUnscoped(Long membershipId) {
		jdbc.sql("select id from membership where id = :id for update").param("id", membershipId).query(Long.class)
			.single();
	}

	/** The signed-in member's own memberships, current and past, in every organisation. */
	@Transactional(readOnly = true)
	public List<Long> idsOf(AccountPrincipal member) {
		return jdbc.sql("""
				select m.id from member_account a join membership m on m.party_id = a.party_id
				where a.account_id = :account
				""")
			.param("account", member.id())
			.query(Long.class)
			.list();
	}


	/** What the honour module's eligibility asks of a batch of parties: the kind and whether a party member (中共党员). */
	public record PartyFacts(Long partyId, PartyKind kind, EnterpriseKind enterpriseKind, boolean partyMember) {
	}

	/**
	 * The kind and party membership of each party, unscoped: the honour module's bulk nomination
	 * asks for the members it read in its own subtree (published_membership), one batch for all.
	 */
	@Transactional(readOnly = true)
	public Map<Long, PartyFacts> partyFactsUnscoped(Collection<Long> partyIds) {
		if (partyIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id as party_id, kind, enterprise_kind, party_member from party where id = any(:ids)")
			.param("ids", partyIds.stream().distinct().toArray(Long[]::new))
			.query(PartyFacts.class)
			.list()
			.stream()
			.collect(Collectors.toMap(PartyFacts::partyId, f -> f));
	}

}
