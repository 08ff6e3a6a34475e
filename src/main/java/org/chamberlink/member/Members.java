package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.Organizations;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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

	private final Organizations organizations;

	private final PartyContacts contacts;

	private final Regions regions;

	private final Clock clock;

	Members(JdbcClient jdbc, DataScopes scopes, Organizations organizations, PartyContacts contacts, Regions regions,
			Clock clock) {
		this.regions = regions;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** One page of the filtered list. */
	@Transactional(readOnly = true)
	public Page<MemberRow> search(MemberFilter filter, Pageable pageable) {
		MemberQuery query = query(filter, scopes.current());
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
	public void forEach(MemberFilter filter, DataScope scope, Consumer<MemberRow> consumer) {
		MemberQuery query = query(filter, scope);
		try (var rows = jdbc.sql(query.select()).params(query.params()).withFetchSize(2_000)
			.query(MemberRow.MAPPER)
			.stream()) {
			// an export names a county's few dozen organisations, a province's few thousand: each read once
			Map<Long, String> names = new java.util.HashMap<>();
			rows.forEach(row -> {
				if (!names.containsKey(row.orgId())) {
					names.putAll(organizations.namesUnscoped(List.of(row.orgId())));
				}
				consumer.accept(row.named(names));
			});
		}
	}

	@Transactional(readOnly = true)
	public long count(MemberFilter filter, DataScope scope) {
		MemberQuery query = query(filter, scope);
		return jdbc.sql(query.count()).params(query.params()).query(Long.class).single();
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

	/** The party's memberships within the caller's scope, current first. */
	@Transactional(readOnly = true)
	public List<MembershipView> memberships(Long partyId) {
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select m.id, m.party_id, m.org_id, null as org_name, m.role, m.tier, m.tier_reason, m.joined_on,
				       m.left_on, m.leave_reason, m.version
				from membership m
				where m.party_id = :party and %s
				order by (m.left_on is null) desc, m.joined_on desc
				""".formatted(scope.on("m.org_path")))
			.param("party", partyId)
			.params(scope.param())
			.query(MembershipView.class)
			.list()
			.stream()
			.map(this::named)
			.toList();
	}

	@Transactional(readOnly = true)
	public MembershipView membership(Long membershipId) {
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select m.id, m.party_id, m.org_id, null as org_name, m.role, m.tier, m.tier_reason, m.joined_on,
				       m.left_on, m.leave_reason, m.version
				from membership m
				where m.id = :id and %s
				""".formatted(scope.on("m.org_path")))
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
