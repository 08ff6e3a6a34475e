package org.chamberlink.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks every row of a chamber import by the same rules as the form, set-based: the rows are
 * read in memory, then what they name is looked up in a few queries for the whole file — their
 * parents within the caller's scope, the chambers already there under the same parent and name,
 * their regions, the townships that have a township chamber, the credit codes in use within the
 * scope — and the rules run row by row in file order against those sets, each row seeing the good
 * rows above it as if they were written (a second row of the same name under the same parent is
 * unchanged, a second township chamber for one township is refused). One message per row, the
 * first problem found, in the order the form would find it.
 */
@Component
class ChamberImportCheck {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final MessageSource messages;

	ChamberImportCheck(JdbcClient jdbc, Regions regions, MessageSource messages) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.messages = messages;
	}

	/** One data row: its number in the sheet, what it says, and what became of it. */
	static final class Row {

		final int number;

		NewOrganization chamber;

		OrganizationSummary parent;

		Region region;

		/** An out-of-town chamber's origin region (decision 31), none when the cell is blank. */
		Region origin;

		/** What is wrong with it (null: nothing). */
		String error;

		/** It names a chamber already there (or a good row above it does): nothing to write. */
		boolean unchanged;

		Row(int number) {
			this.number = number;
		}

		boolean good() {
			return error == null && !unchanged;
		}

	}

	List<Row> check(List<List<String>> cells, DataScope scope, LocalDate today, Locale locale) {
		List<Row> rows = new ArrayList<>(cells.size());
		for (int i = 0; i < cells.size(); i++) {
			Row row = new Row(i + 2);
			try {
				row.chamber = ChamberImport.parse(cells.get(i));
			}
			catch (RuleViolationException e) {
				row.error = message(e, locale);
			}
			rows.add(row);
		}
		// Scope first: a parent outside it answers like one that does not exist, before anything
		// is looked up by the row's name.
		Map<Long, OrganizationSummary> parents = parents(rows, scope);
		for (Row row : rows) {
			if (row.error == null) {
				row.parent = parents.get(row.chamber.parentId());
				if (row.parent == null) {
					row.error = messages.getMessage("import.parentNotFound", null, locale);
				}
			}
		}
		Set<String> existing = existingNames(rows, scope);
		Set<String> codes = new HashSet<>();
		Set<String> townships = new HashSet<>();
		Set<String> registrationCodes = new HashSet<>();
		for (Row row : rows) {
			if (row.error == null && !existing.contains(nameKey(row.parent.id(), row.chamber.name()))) {
				codes.add(row.chamber.regionCode());
				if (StringUtils.hasText(row.chamber.originRegionCode())) {
					codes.add(row.chamber.originRegionCode().trim());
				}
				if (row.chamber.chamberKind() == ChamberKind.TOWNSHIP) {
					townships.add(row.chamber.regionCode());
				}
				if (StringUtils.hasText(row.chamber.registrationCode())) {
					registrationCodes.add(row.chamber.registrationCode());
				}
			}
		}
		Map<String, Region> regionsByCode = regions.findAll(codes);
		Set<String> townshipsTaken = townshipsTaken(townships);
		Set<String> codesTaken = registrationCodesTaken(registrationCodes, scope);

		// The rules, in file order; the good rows above count as written.
		Set<String> names = new HashSet<>(existing);
		Map<String, Integer> codeRows = new HashMap<>();
		for (Row row : rows) {
			if (row.error != null) {
				continue;
			}
			NewOrganization chamber = row.chamber;
			if (names.contains(nameKey(row.parent.id(), chamber.name()))) {
				row.unchanged = true;
				continue;
			}
			try {
				row.region = regionsByCode.get(chamber.regionCode());
				if (row.region == null) {
					throw new RuleViolationException("regionCode", "organization.regionUnknown", chamber.regionCode());
				}
				String originCode = StringUtils.hasText(chamber.originRegionCode()) ? chamber.originRegionCode().trim() : null;
				row.origin = originCode == null ? null : regionsByCode.get(originCode);
				if (originCode != null && row.origin == null) {
					throw new RuleViolationException("originRegionCode", "organization.originUnknown", originCode);
				}
				OrganizationRules.checkNew(chamber, row.region, row.origin, row.parent, today);
				String code = StringUtils.hasText(chamber.registrationCode()) ? chamber.registrationCode() : null;
				if (code != null && codeRows.containsKey(code)) {
					throw new RuleViolationException("registrationCode", "import.registrationCodeRepeated",
							codeRows.get(code));
				}
				if (code != null && codesTaken.contains(code)) {
					throw new RuleViolationException("registrationCode", "import.registrationCodeTaken");
				}
				if (chamber.chamberKind() == ChamberKind.TOWNSHIP && !townshipsTaken.add(row.region.code())) {
					throw new RuleViolationException("regionCode", "organization.townshipTaken", row.region.name());
				}
				names.add(nameKey(row.parent.id(), chamber.name()));
				if (code != null) {
					codeRows.put(code, row.number);
				}
			}
			catch (RuleViolationException e) {
				row.error = message(e, locale);
			}
		}
		return rows;
	}

	/** The rows' parents that lie within the scope, by id (whatever their status, as the form finds them). */
	private Map<Long, OrganizationSummary> parents(List<Row> rows, DataScope scope) {
		Long[] ids = rows.stream().filter(row -> row.error == null).map(row -> row.chamber.parentId()).distinct()
			.toArray(Long[]::new);
		Map<Long, OrganizationSummary> parents = new HashMap<>();
		if (ids.length == 0) {
			return parents;
		}
		jdbc.sql("""
				select o.id, o.type, o.level, o.chamber_kind, o.name, o.region_code, o.parent_id, o.path, o.status
				from organization o where o.id = any(:ids) and %s
				""".formatted(scope.on("o.path")))
			.param("ids", ids)
			.params(scope.param())
			.query((rs, n) -> {
				String kind = rs.getString("chamber_kind");
				OrganizationSummary parent = new OrganizationSummary(rs.getLong("id"),
						OrganizationType.valueOf(rs.getString("type")), rs.getString("level"),
						kind == null ? null : ChamberKind.valueOf(kind), rs.getString("name"), rs.getString("region_code"),
						null, rs.getObject("parent_id", Long.class), rs.getString("path"), false, null, rs.getString("status"),
						null, null);
				return parents.put(parent.id(), parent);
			})
			.list();
		return parents;
	}

	/** The active organisations within the scope that already have a row's parent and name. */
	private Set<String> existingNames(List<Row> rows, DataScope scope) {
		Set<String> keys = new LinkedHashSet<>();
		rows.stream().filter(row -> row.error == null).forEach(row -> keys.add(nameKey(row.parent.id(), row.chamber.name())));
		Set<String> existing = new HashSet<>();
		if (keys.isEmpty()) {
			return existing;
		}
		List<Long> parentIds = new ArrayList<>(keys.size());
		List<String> names = new ArrayList<>(keys.size());
		for (String key : keys) {
			int slash = key.indexOf('/');
			parentIds.add(Long.valueOf(key.substring(0, slash)));
			names.add(key.substring(slash + 1));
		}
		jdbc.sql("""
				select o.parent_id, o.name from organization o
				join unnest(:parents, :names) as f(parent_id, name) on o.parent_id = f.parent_id and o.name = f.name
				where o.status = 'ACTIVE' and %s
				""".formatted(scope.on("o.path")))
			.param("parents", parentIds.toArray(Long[]::new))
			.param("names", names.toArray(String[]::new))
			.params(scope.param())
			.query((rs, n) -> existing.add(nameKey(rs.getLong(1), rs.getString(2))))
			.list();
		return existing;
	}

	/**
	 * The townships among these that have an active township chamber, wherever it hangs: the
	 * database allows one per township, so the form says so too (decision 0019's exception).
	 */
	private Set<String> townshipsTaken(Set<String> townships) {
		Set<String> taken = new HashSet<>();
		if (!townships.isEmpty()) {
			taken.addAll(jdbc.sql("""
					select region_code from organization
					where chamber_kind = 'TOWNSHIP' and status = 'ACTIVE' and region_code = any(:codes)
					""").param("codes", townships.toArray(String[]::new)).query(String.class).list());
		}
		return taken;
	}

	/**
	 * The credit codes among these that an active organisation within the scope already has. One
	 * outside the scope is not seen: the answer must not tell which codes are registered elsewhere.
	 */
	private Set<String> registrationCodesTaken(Set<String> codes, DataScope scope) {
		Set<String> taken = new HashSet<>();
		if (!codes.isEmpty()) {
			taken.addAll(jdbc.sql("""
					select o.registration_code from organization o
					where o.registration_code = any(:codes) and o.status = 'ACTIVE' and %s
					""".formatted(scope.on("o.path")))
				.param("codes", codes.toArray(String[]::new))
				.params(scope.param())
				.query(String.class)
				.list());
		}
		return taken;
	}

	private static String nameKey(Long parentId, String name) {
		return parentId + "/" + name.trim();
	}

	String message(RuleViolationException e, Locale locale) {
		String field = messages.getMessage("import.column." + e.field(), null, e.field(), locale);
		return field + "：" + messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
	}

}
