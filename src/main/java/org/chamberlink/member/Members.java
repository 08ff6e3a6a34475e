package org.chamberlink.member;

import java.util.List;
import java.util.Optional;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads members within the caller's data scope. A party is visible when one of its memberships
 * (current or past) lies in the scope; only those memberships are shown.
 */
@Service
public class Members {

	/** The party's columns, with the phone of its nearest contact within the scope. */
	private static String party(DataScope scope) {
		return """
				select p.id, p.kind, p.name, p.credit_code, p.enterprise_kind, p.legal_representative, p.industry_code,
				       p.size_class, p.employees, p.region_code, null as region_name, p.out_of_town, p.high_tech,
				       p.gender, p.id_number_masked, p.party_member, p.public_roles,
				       (select c.phone_masked from party_contact c where c.party_id = p.id and %s
				        order by length(c.org_path), c.updated_at desc limit 1) as phone_masked, p.group_org_id,
				       p.status, p.merged_into, p.version
				from party p
				""".formatted(scope.on("c.org_path"));
	}

	/** A party is visible when one of its memberships lies in the scope. */
	private static String visible(DataScope scope) {
		return " exists (select 1 from membership v where v.party_id = p.id and " + scope.on("v.org_path") + ")";
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final MemberList list;

	private final PartyMemberships memberships;

	private final Regions regions;

	Members(JdbcClient jdbc, DataScopes scopes, MemberList list, PartyMemberships memberships, Regions regions) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.list = list;
		this.memberships = memberships;
		this.regions = regions;
	}

	/** One page of the filtered list. */
	public Page<MemberRow> search(MemberFilter filter, Pageable pageable) {
		return list.page(filter, scopes.current(), pageable);
	}

	/** The active members in the caller's scope by name, at most {@code most}: a form's member choices. */
	public List<MemberRow> activeByName(int most) {
		return search(new MemberFilter(null, null, null, null, null, null, null, null, null, MembershipStatus.ACTIVE, null, null, "name"),
				org.springframework.data.domain.PageRequest.of(0, most)).getContent();
	}

	@Transactional(readOnly = true)
	public Optional<PartyDetails> find(Long partyId) {
		DataScope scope = scopes.current();
		return jdbc.sql(party(scope) + " where p.id = :id and" + visible(scope))
			.param("id", partyId)
			.params(scope.param())
			.query(PartyDetails.class)
			.optional()
			.map(this::withRegionName);
	}

	public PartyDetails get(Long partyId) {
		return find(partyId).orElseThrow(() -> new RecordNotFoundException("Party", partyId));
	}

	/**
	 * Whether every membership of the party, current or past, lies in the caller's subtree: only
	 * then may the caller change what every holder sees (decision 0019).
	 */
	@Transactional(readOnly = true)
	public boolean coversEveryMembership(Long partyId) {
		DataScope scope = scopes.current();
		return !jdbc.sql("select exists (select 1 from membership where party_id = :party and "
				+ scope.outside("org_path") + ")")
			.param("party", partyId)
			.params(scope.param())
			.query(Boolean.class)
			.single();
	}

	/** The organisation the signed-in account acts for (null for a system administrator of no organisation). */
	Long callerOrgId() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				? principal.orgId() : null;
	}

	DataScope scope() {
		return scopes.current();
	}

	/** A party's registered name, unscoped: other modules name a member in notices, also from scheduled jobs. */
	@Transactional(readOnly = true)
	public String nameUnscoped(Long partyId) {
		return jdbc.sql("select name from party where id = :id").param("id", partyId).query(String.class).optional()
			.orElse(null);
	}

	/**
	 * Persons in the caller's scope whose public roles (政治安排, as typed: "区人大代表、市政协委员")
	 * name the given role word — 人大代表 or 政协委员 — with a current membership, by name (at most
	 * 300): whom a proposal may be handed to.
	 */
	@Transactional(readOnly = true)
	public List<PartyDetails> publicRoleHolders(String roleWord) {
		DataScope scope = scopes.current();
		return jdbc.sql(party(scope) + " where p.kind = 'PERSON' and p.status = 'ACTIVE' and p.public_roles like :word"
				+ " and exists (select 1 from membership v where v.party_id = p.id and v.left_on is null and " + scope.on("v.org_path")
				+ ") order by p.name, p.id limit 300")
			.param("word", org.chamberlink.shared.LikePattern.containing(roleWord))
			.params(scope.param())
			.query(PartyDetails.class)
			.list();
	}

	/** Whether a party's public roles name the role word (人大代表, 政协委员); false for an unknown or out-of-scope party. */
	@Transactional(readOnly = true)
	public boolean holdsPublicRole(Long partyId, String roleWord) {
		return find(partyId).filter(p -> p.kind() == PartyKind.PERSON && p.publicRoles() != null
				&& p.publicRoles().contains(roleWord)).isPresent();
	}

	/** The party's memberships within the caller's scope, current first. */
	@Transactional(readOnly = true)
	public List<MembershipView> memberships(Long partyId) {
		return memberships.ofParty(partyId, scopes.current());
	}

	@Transactional(readOnly = true)
	public MembershipView membership(Long membershipId) {
		return memberships.get(membershipId, scopes.current());
	}

	/** Enterprises a person leads, or persons leading an enterprise (visible ones only). */
	@Transactional(readOnly = true)
	public List<PartyDetails> related(Long partyId) {
		DataScope scope = scopes.current();
		return jdbc.sql(party(scope) + """
				 where p.id in (select enterprise_id from party_leader where person_id = :id
				                union select person_id from party_leader where enterprise_id = :id)
				   and
				""" + visible(scope) + " order by p.name")
			.param("id", partyId)
			.params(scope.param())
			.query(PartyDetails.class)
			.list()
			.stream()
			.map(this::withRegionName)
			.toList();
	}

	private PartyDetails withRegionName(PartyDetails party) {
		return party.regionCode() == null ? party
				: party.withRegionName(regions.find(party.regionCode()).map(Region::name).orElse(null));
	}

}
