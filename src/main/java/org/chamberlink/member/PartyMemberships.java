package org.chamberlink.member;

import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Memberships as a scope shows them, each named by its organisation: a party's, or one by its id. */
@Component
class PartyMemberships {

	private static final String COLUMNS = """
			select m.id, m.party_id, m.org_id, null as org_name, m.role, m.tier, m.tier_reason, m.joined_on,
			       m.left_on, m.leave_reason, m.version
			from membership m
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	PartyMemberships(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** The party's memberships within the scope, current first. */
	List<MembershipView> ofParty(Long partyId, DataScope scope) {
		return jdbc.sql(COLUMNS + " where m.party_id = :party and " + scope.on("m.org_path")
				+ " order by (m.left_on is null) desc, m.joined_on desc")
			.param("party", partyId)
			.params(scope.param())
			.query(MembershipView.class)
			.list()
			.stream()
			.map(this::named)
			.toList();
	}

	MembershipView get(Long membershipId, DataScope scope) {
		return jdbc.sql(COLUMNS + " where m.id = :id and " + scope.on("m.org_path"))
			.param("id", membershipId)
			.params(scope.param())
			.query(MembershipView.class)
			.optional()
			.map(this::named)
			.orElseThrow(() -> new RecordNotFoundException("Membership", membershipId));
	}

	private MembershipView named(MembershipView membership) {
		return membership.named(organizations.namesUnscoped(List.of(membership.orgId())));
	}

}
