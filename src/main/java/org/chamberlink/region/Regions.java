package org.chamberlink.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.shared.LikePattern;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the division tree and lets an administrator add a missing region or mark one abolished.
 * Regions are national reference data: everyone may read them; the data scope applies to the
 * organisations and records that hang on them.
 */
@Service
public class Regions {

	private static final String COLUMNS = "code, name, level, parent_code, added_manually, abolished_on, township_kind, "
			+ "counts_for_coverage";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	Regions(JdbcClient jdbc, AuditTrail audit, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Region> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from region where code = :code")
			.param("code", code)
			.query(Region.class)
			.optional();
	}

	/**
	 * These regions by code, in one query (a chamber import's rows name thousands); unknown codes
	 * are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Region> findAll(java.util.Collection<String> codes) {
		Map<String, Region> found = new java.util.HashMap<>();
		if (codes.isEmpty()) {
			return found;
		}
		jdbc.sql("select " + COLUMNS + " from region where code = any(:codes)")
			.param("codes", codes.stream().distinct().toArray(String[]::new))
			.query(Region.class)
			.list()
			.forEach(region -> found.put(region.code(), region));
		return found;
	}

	/** Every region code (about 45,000), for validating a large import without a query per row. */
	@Transactional(readOnly = true)
	public java.util.Set<String> allCodes() {
		return new java.util.HashSet<>(jdbc.sql("select code from region").query(String.class).list());
	}

	/**
	 * The names of these regions by code, for other modules' records that keep a region code (an
	 * organisation): one batch per page or list, so they never read this module's table. Unknown
	 * codes are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> names(java.util.Collection<String> codes) {
		Map<String, String> names = new java.util.HashMap<>();
		if (codes.isEmpty()) {
			return names;
		}
		jdbc.sql("select code, name from region where code = any(:codes)")
			.param("codes", codes.stream().distinct().toArray(String[]::new))
			.query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}

	/**
	 * The regions a picker offers for what was typed: names containing it, or from six digits on
	 * (a county's code) the codes starting with it — shorter digit runs name no region and would
	 * match hundreds. Only regions not abolished by {@code today}, within {@code within} when it is
	 * given (an organisation's region lies inside its parent's); nothing typed gives that region and
	 * those directly below it. An exact name first, then names starting with it, then from the
	 * province down in code order; at most {@code most}.
	 */
	@Transactional(readOnly = true)
	public List<Region> matching(String typed, String within, LocalDate today, int most) {
		String text = typed == null ? "" : typed.strip();
		String inside = within == null || within.isBlank() ? null : LikePattern.startingWith(within);
		String open = "(abolished_on is null or abolished_on > :today)";
		if (text.isEmpty()) {
			if (inside == null) {
				return List.of();
			}
			return jdbc.sql("select " + COLUMNS + " from region where (code = :code or parent_code = :code) and " + open
					+ " order by code limit :most")
				.param("code", within.strip())
				.param("today", today)
				.param("most", most)
				.query(Region.class)
				.list();
		}
		String where = text.chars().allMatch(Character::isDigit) ? text.length() >= 6 ? "code like :prefix" : "false"
				: "name like :containing";
		return jdbc.sql("select " + COLUMNS + " from region where " + where + " and " + open
				+ (inside == null ? "" : " and code like :inside")
				+ " order by name = :text desc, name like :prefix desc, length(code), code limit :most")
			.param("text", text)
			.param("prefix", LikePattern.startingWith(text))
			.param("containing", LikePattern.containing(text))
			.param("inside", inside)
			.param("today", today)
			.param("most", most)
			.query(Region.class)
			.list();
	}

	/**
	 * The names above each region, from the province down ("河北省 石家庄市 长安区" for a township
	 * of 长安区), in one lookup for a picker's list.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> pathsAbove(java.util.Collection<String> codes) {
		java.util.Set<String> above = new java.util.HashSet<>();
		for (String code : codes) {
			above.addAll(prefixesAbove(code));
		}
		Map<String, String> names = names(above);
		Map<String, String> paths = new java.util.HashMap<>();
		for (String code : codes) {
			paths.put(code, String.join(" ", prefixesAbove(code).stream()
				.map(prefix -> names.getOrDefault(prefix, prefix))
				.toList()));
		}
		return paths;
	}

	/** The codes of the regions above one: a code's first 2, 4 and 6 digits (NBS codes nest). */
	private static List<String> prefixesAbove(String code) {
		List<String> prefixes = new java.util.ArrayList<>();
		for (RegionLevel level : RegionLevel.values()) {
			if (level.codeLength() < code.length()) {
				prefixes.add(code.substring(0, level.codeLength()));
			}
		}
		return prefixes;
	}

	public Region get(String code) {
		return find(code).orElseThrow(() -> new RecordNotFoundException("Region", code));
	}

	/** The provinces, or the regions directly below {@code parentCode}, in code order. */
	@Transactional(readOnly = true)
	public List<Region> children(String parentCode) {
		if (parentCode == null) {
			return jdbc.sql("select " + COLUMNS + " from region where parent_code is null order by code")
				.query(Region.class)
				.list();
		}
		return jdbc.sql("select " + COLUMNS + " from region where parent_code = :parent order by code")
			.param("parent", parentCode)
			.query(Region.class)
			.list();
	}

	/** How many townships within a region the coverage counts today: the coverage denominator. */
	@Transactional(readOnly = true)
	public long townshipsWithin(String code) {
		return coverageTownshipsWithin(code).size();
	}

	/**
	 * The codes of the townships within a region that the coverage counts today: administrative
	 * townships (and units an administrator included) not abolished by today — an abolition dated
	 * later still counts. A province has a few thousand.
	 */
	@Transactional(readOnly = true)
	public List<String> coverageTownshipsWithin(String code) {
		return jdbc.sql("""
				select code from region
				where level = 'TOWNSHIP' and counts_for_coverage and code like :prefix
				  and (abolished_on is null or abolished_on > :today)
				""").param("prefix", LikePattern.startingWith(code)).param("today", LocalDate.now(clock)).query(String.class).list();
	}

	/** Township-level units within a region the coverage leaves out (development zones, farms …). */
	@Transactional(readOnly = true)
	public long uncountedTownshipsWithin(String code) {
		return jdbc.sql("""
				select count(*) from region
				where level = 'TOWNSHIP' and not counts_for_coverage and code like :prefix
				  and (abolished_on is null or abolished_on > :today)
				""").param("prefix", LikePattern.startingWith(code)).param("today", LocalDate.now(clock)).query(Long.class).single();
	}

	/** Counts a township-level unit in the coverage, or leaves it out (where a province does so). */
	@Transactional
	public Region countForCoverage(String code, boolean counts) {
		Region region = get(code);
		if (region.level() != RegionLevel.TOWNSHIP) {
			throw new RuleViolationException("code", "region.coverageTownshipOnly");
		}
		jdbc.sql("update region set counts_for_coverage = :counts where code = :code")
			.param("counts", counts)
			.param("code", code)
			.update();
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Region", code)
			.changes(Map.of("countsForCoverage", new Change(Boolean.toString(region.countsForCoverage()),
					Boolean.toString(counts)))));
		return get(code);
	}

	@Transactional
	public Region add(NewRegion region) {
		Region parent = find(region.parentCode())
			.orElseThrow(() -> new RuleViolationException("parentCode", "region.parentUnknown", region.parentCode()));
		if (parent.abolishedBy(LocalDate.now(clock))) {
			throw new RuleViolationException("parentCode", "region.parentAbolished", parent.name());
		}
		RegionLevel level = parent.level().below();
		if (level == null || region.code().length() != level.codeLength()) {
			throw new RuleViolationException("code", "region.codeLength", level == null ? 0 : level.codeLength());
		}
		if (!region.code().startsWith(parent.code())) {
			throw new RuleViolationException("code", "region.codePrefix", parent.code());
		}
		if (find(region.code()).isPresent()) {
			throw new RuleViolationException("code", "region.codeTaken", region.code());
		}
		jdbc.sql("""
				insert into region (code, name, level, parent_code, added_manually, township_kind, counts_for_coverage)
				values (:code, :name, :level, :parent, true, cast(:kind as varchar), coalesce(cast(:kind as varchar) = 'ADMINISTRATIVE', false))
				""")
			.param("code", region.code())
			.param("name", region.name().trim())
			.param("level", level.name())
			.param("parent", parent.code())
			.param("kind", level == RegionLevel.TOWNSHIP ? TownshipKind.of(region.code(), region.name()).name() : null)
			.update();
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("Region", region.code())
			.changes(Map.of("name", new Change(null, region.name().trim()), "parentCode",
					new Change(null, parent.code()))));
		return get(region.code());
	}

	/** Marks a region abolished from a date; it and its history stay, new records cannot use it. */
	@Transactional
	public Region abolish(String code, LocalDate on) {
		Region region = get(code);
		if (region.abolished()) {
			throw new RuleViolationException("code", "region.alreadyAbolished", region.name());
		}
		org.chamberlink.shared.CalendarDates.requirePlausible("on", "region.abolishOn", on);
		jdbc.sql("update region set abolished_on = :on where code = :code").param("on", on).param("code", code).update();
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("Region", code)
			.changes(Map.of("abolishedOn", new Change(null, on.toString()))));
		return get(code);
	}

}
