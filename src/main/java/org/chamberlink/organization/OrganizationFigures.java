package org.chamberlink.organization;

import org.chamberlink.shared.Rate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.region.Regions;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation figures of any node, computed by SQL over the path and region indexes:
 * chambers by kind, township-chamber coverage, civil-registration rate, party-organisation
 * coverage. Only active chambers count: as of a date (decision 57), those founded by then (or of
 * unknown founding) and not dissolved before it; registered and with a party organisation by
 * their dates (none known: since always). As of today this is the chambers active now.
 */
@Service
public class OrganizationFigures {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Regions regions;

	private final Clock clock;

	OrganizationFigures(JdbcClient jdbc, Organizations organizations, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * @param townshipCoverage townships of the node's region with an active township chamber in
	 * the node's subtree ÷ existing townships of that region
	 * @param registrationRate chambers registered with civil affairs ÷ chambers
	 * @param partyCoverage chambers with a party organisation ÷ chambers
	 * @param renewalsDue chambers whose president's term ends within 90 days or has ended
	 */
	public record Figures(Long orgId, String name, String regionCode, Map<ChamberKind, Long> chambersByKind,
			long chambers, Rate townshipCoverage, Rate registrationRate, Rate partyCoverage, long renewalsDue,
			Map<ChamberKind, KindRates> byKind, long uncountedTownshipUnits) {
	}

	/**
	 * The registration and party coverage of one kind of chamber (a province reports the township
	 * chambers' registration rate, not only that of all chambers).
	 */
	public record KindRates(Rate registrationRate, Rate partyCoverage) {
	}

	/** A chamber that existed on :d (its founding, if known, by then; not dissolved by then). */
	static final String CHAMBER_ON = "type = 'CHAMBER' and (status = 'ACTIVE' or dissolved_on > :d)"
			+ " and (founded_on is null or founded_on <= :d)";

	static final String REGISTERED_ON = "registered and (registered_on is null or registered_on <= :d)";

	static final String PARTY_ON = "party_organisation <> 'NONE' and (party_established_on is null or party_established_on <= :d)";

	@Transactional(readOnly = true)
	public Figures of(Long orgId) {
		return of(organizations.get(orgId), today());
	}

	/** The figures as of a day (today when none is given or it lies ahead). */
	@Transactional(readOnly = true)
	public Figures of(Long orgId, LocalDate asOf) {
		return of(organizations.get(orgId), asOf(asOf));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	private LocalDate asOf(LocalDate day) {
		LocalDate today = today();
		return day == null || day.isAfter(today) ? today : day;
	}

	/**
	 * The figures of each federation or association directly below a node, for drill-down
	 * (province → city → county); empty at county level, where the chamber list takes over. A
	 * node outside the caller's scope is not found, like one that does not exist (its children
	 * may well lie in the scope: the caller's own organisation is a child of its parent).
	 */
	@Transactional(readOnly = true)
	public java.util.List<Figures> below(Long orgId) {
		return below(orgId, null);
	}

	/** {@link #below(Long)} as of a day (today when none is given or it lies ahead). */
	@Transactional(readOnly = true)
	public java.util.List<Figures> below(Long orgId, LocalDate asOf) {
		OrganizationSummary node = organizations.get(orgId);
		LocalDate day = asOf(asOf);
		return organizations.children(node.id())
			.stream()
			.filter(child -> child.type() != OrganizationType.CHAMBER)
			.map(child -> of(child, day))
			.toList();
	}

	private Figures of(OrganizationSummary node, LocalDate day) {
		DataScope subtree = DataScope.subtree(node.path());
		Map<ChamberKind, Long> byKind = new EnumMap<>(ChamberKind.class);
		Map<ChamberKind, KindRates> ratesByKind = new EnumMap<>(ChamberKind.class);
		jdbc.sql("""
				select chamber_kind, count(*), count(*) filter (where %s),
				       count(*) filter (where %s)
				from organization
				where %s and %s
				group by chamber_kind
				""".formatted(REGISTERED_ON, PARTY_ON, subtree.on("path"), CHAMBER_ON)).params(subtree.param()).param("d", day).query((rs, n) -> {
			ChamberKind kind = ChamberKind.valueOf(rs.getString(1));
			byKind.put(kind, rs.getLong(2));
			ratesByKind.put(kind, new KindRates(new Rate(rs.getLong(3), rs.getLong(2)), new Rate(rs.getLong(4), rs.getLong(2))));
			return null;
		}).list();
		// the coverage counts administrative townships not abolished by today (region module's rule),
		// so a chamber in an abolished township or a development zone is not in the numerator either;
		// only township chambers of the subtree cover one, so an out-of-town chamber covers no township,
		// neither where it sits (another tree's province) nor at home (decision 31)
		List<String> townships = regions.coverageTownshipsWithin(node.regionCode());
		long chambers = byKind.values().stream().mapToLong(Long::longValue).sum();
		record Counts(long covered, long registered, long withParty, long renewalsDue) {
		}
		Counts counts = jdbc.sql("""
				select count(distinct region_code) filter (where chamber_kind = 'TOWNSHIP'
				                                              and region_code = any(:townships)) as covered,
				       count(*) filter (where %s) as registered,
				       count(*) filter (where %s) as with_party,
				       count(*) filter (where p.ends_on <= :dueBy) as renewals_due
				from organization o
				left join lateral (select t.ends_on from leadership_term t
				                   where t.org_id = o.id and t.role = 'PRESIDENT'
				                   order by t.ends_on desc limit 1) p on true
				where %s and %s
				""".formatted(REGISTERED_ON, PARTY_ON, subtree.on("path"), CHAMBER_ON))
			.params(subtree.param())
			.param("d", day)
			.param("dueBy", OrganizationSummary.renewalDueBy(LocalDate.now(clock)))
			.param("townships", townships.toArray(String[]::new))
			.query(Counts.class)
			.single();
		return new Figures(node.id(), node.name(), node.regionCode(), byKind, chambers,
				new Rate(counts.covered(), townships.size()), new Rate(counts.registered(), chambers),
				new Rate(counts.withParty(), chambers), counts.renewalsDue(), ratesByKind,
				regions.uncountedTownshipsWithin(node.regionCode()));
	}

}
