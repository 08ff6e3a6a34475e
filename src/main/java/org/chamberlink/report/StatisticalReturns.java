package org.chamberlink.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureTable;
import org.chamberlink.shared.figures.Figures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistical return's course: an organisation opens its return for a year, pre-filled from the
 * records as of a date through the figures SPI (a level with returns below: their accepted values
 * plus its own level's records); it types what the system cannot know and adjusts with a reason;
 * every save runs the cross-checks and refuses an error, naming the cell, writing nothing; it
 * submits by the deadline its parent set, each warning answered by a comment; the parent returns
 * it with a reason or accepts it, after which its stored values are a snapshot nothing moves.
 * Every step is audited. A return outside the caller's scope is not found, like one that does not
 * exist.
 */
@Service
public class StatisticalReturns {

	private static final long MAX_COUNT = 1_000_000_000_000L;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Figures figures;

	private final AuditTrail audit;

	private final Clock clock;

	private final int sharePercent;

	StatisticalReturns(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Figures figures, AuditTrail audit,
			Clock clock, @Value("${chamberlink.report.year-on-year-share:30}") int sharePercent) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.figures = figures;
		this.audit = audit;
		this.clock = clock;
		this.sharePercent = sharePercent;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	/** The share (per cent) beyond which a change from last year is flagged. */
	public int sharePercent() {
		return sharePercent;
	}

	// ---- reading ----

	@Transactional(readOnly = true)
	public ReturnView get(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(ReturnView.COLUMNS + " where r.id = :id and " + scope.on("r.org_path"))
			.params(scope.param())
			.param("id", id)
			.query(ReturnView.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("StatisticalReturn", id));
	}

	/** The organisation's return for the year, if opened (within the caller's scope). */
	@Transactional(readOnly = true)
	public Optional<ReturnView> find(Long orgId, int year) {
		DataScope scope = scopes.current();
		return jdbc.sql(ReturnView.COLUMNS + " where r.org_id = :o and r.year = :y and " + scope.on("r.org_path"))
			.params(scope.param())
			.param("o", orgId)
			.param("y", year)
			.query(ReturnView.class)
			.optional();
	}

	/** The stored cells, by key, in the definition's order. */
	@Transactional(readOnly = true)
	public Map<String, CellValue> cells(Long id) {
		get(id);
		return cellsOf(id);
	}

	private Map<String, CellValue> cellsOf(Long id) {
		Map<String, CellValue> stored = new HashMap<>();
		jdbc.sql("select cell_key as key, recorded, value, reason from report_cell where return_id = :id")
			.param("id", id)
			.query(CellValue.class)
			.list()
			.forEach(cell -> stored.put(cell.key(), cell));
		Map<String, CellValue> ordered = new LinkedHashMap<>();
		for (ReturnCell cell : ReturnDefinition.cells()) {
			if (!cell.rate()) {
				ordered.put(cell.key(), stored.getOrDefault(cell.key(), new CellValue(cell.key(), null, null, null)));
			}
		}
		return ordered;
	}

	/** The values of a return, by cell key (rates are not stored: they follow from their cells). */
	@Transactional(readOnly = true)
	public Map<String, Long> values(Long id) {
		Map<String, Long> values = new HashMap<>();
		cells(id).forEach((key, cell) -> values.put(key, cell.value()));
		return values;
	}

	/** The cross-checks as the return stands, with the comments given to its warnings. */
	@Transactional(readOnly = true)
	public List<Finding> findings(Long id) {
		ReturnView view = get(id);
		Map<String, Long> values = new HashMap<>();
		cellsOf(id).forEach((key, cell) -> values.put(key, cell.value()));
		return ReturnChecks.run(values, previous(view), sharePercent, comments(id));
	}

	private Map<String, String> comments(Long id) {
		Map<String, String> comments = new HashMap<>();
		jdbc.sql("select check_key, comment from report_comment where return_id = :id")
			.param("id", id)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(entry -> comments.put(entry.getKey(), entry.getValue()));
		return comments;
	}

	/** Last year's accepted return of the same organisation, by cell; empty if there is none. */
	private Map<String, Long> previous(ReturnView view) {
		Map<String, Long> values = new HashMap<>();
		jdbc.sql("""
				select c.cell_key, c.value from report_cell c join report_return r on r.id = c.return_id
				where r.org_id = :o and r.year = :y and r.status = 'ACCEPTED'
				""")
			.param("o", view.orgId())
			.param("y", view.year() - 1)
			.query((rs, n) -> {
				long value = rs.getLong(2);
				values.put(rs.getString(1), rs.wasNull() ? null : value);
				return null;
			})
			.list();
		return values;
	}

	/** One accepted return directly below, as it counts in a consolidated cell. */
	public record BelowValue(Long returnId, String orgName, Long value) {
	}

	/** The accepted returns directly below a return's organisation, with their value of the cell. */
	@Transactional(readOnly = true)
	public List<BelowValue> acceptedBelow(Long id, String cellKey) {
		ReturnView view = get(id);
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select r.id as return_id, r.org_name, c.value from report_return r
				left join report_cell c on c.return_id = r.id and c.cell_key = :k
				where r.parent_id = :o and r.year = :y and r.status = 'ACCEPTED' and """ + " " + scope.on("r.org_path")
				+ " order by r.org_name")
			.params(scope.param())
			.param("k", cellKey)
			.param("o", view.orgId())
			.param("y", view.year())
			.query(BelowValue.class)
			.list();
	}

	/** One cell of two accepted snapshots side by side. */
	public record Comparison(ReturnCell cell, Long before, Long after) {

		/** The change in per cent of the earlier value, truncated to two decimals; null without one. */
		public String change() {
			if (before == null || after == null || before == 0) {
				return null;
			}
			java.math.BigDecimal percent = java.math.BigDecimal.valueOf(after - before)
				.multiply(java.math.BigDecimal.valueOf(100))
				.divide(java.math.BigDecimal.valueOf(before), 2, java.math.RoundingMode.DOWN);
			return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + " %";
		}

	}

	/**
	 * Two accepted snapshots compared cell by cell (by default, the return's against the same
	 * organisation's accepted return of the year before). Both in the caller's scope; a return not
	 * accepted is refused.
	 */
	@Transactional(readOnly = true)
	public List<Comparison> compare(Long id, Long withId) {
		ReturnView after = get(id);
		ReturnView before = withId != null ? get(withId)
				: find(after.orgId(), after.year() - 1).orElseThrow(() -> new RuleViolationException("with", "report.compare.none"));
		if (after.status() != ReturnStatus.ACCEPTED || before.status() != ReturnStatus.ACCEPTED) {
			throw new RuleViolationException("with", "report.compare.notAccepted");
		}
		Map<String, CellValue> a = cellsOf(after.id());
		Map<String, CellValue> b = cellsOf(before.id());
		List<Comparison> rows = new ArrayList<>();
		for (ReturnCell cell : ReturnDefinition.cells()) {
			if (!cell.rate()) {
				rows.add(new Comparison(cell, b.get(cell.key()).value(), a.get(cell.key()).value()));
			}
		}
		return rows;
	}

	@Transactional(readOnly = true)
	public List<ReturnStep> steps(Long id) {
		get(id);
		return jdbc.sql("select action, reason, at from report_step where return_id = :id order by id")
			.param("id", id)
			.query(ReturnStep.class)
			.list();
	}

	/** The deadline the organisation set for the returns directly below it, if it set one. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> deadline(Long orgId, int year) {
		if (orgId == null) {
			return Optional.empty();
		}
		return jdbc.sql("select due_on from report_deadline where org_id = :o and year = :y")
			.param("o", orgId)
			.param("y", year)
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * The progress board of an organisation (the caller's own unless given) for a year: each active
	 * organisation directly below it with where its return stands; past the deadline without a
	 * submission it is late.
	 */
	@Transactional(readOnly = true)
	public List<BoardRow> board(Long orgId, int year) {
		OrganizationSummary node = organizations.get(orgId);
		Optional<LocalDate> due = deadline(node.id(), year);
		boolean pastDue = due.isPresent() && today().isAfter(due.get());
		Map<Long, ReturnView> returns = new HashMap<>();
		DataScope scope = scopes.current();
		jdbc.sql(ReturnView.COLUMNS + " where r.parent_id = :p and r.year = :y and " + scope.on("r.org_path"))
			.params(scope.param())
			.param("p", node.id())
			.param("y", year)
			.query(ReturnView.class)
			.list()
			.forEach(r -> returns.put(r.orgId(), r));
		List<BoardRow> rows = new ArrayList<>();
		for (OrganizationSummary child : organizations.children(node.id())) {
			if (!"ACTIVE".equals(child.status())) {
				continue;
			}
			ReturnView r = returns.get(child.id());
			ReturnStatus status = r == null ? ReturnStatus.NOT_STARTED : r.status();
			if (pastDue && status != ReturnStatus.SUBMITTED && status != ReturnStatus.ACCEPTED) {
				status = ReturnStatus.LATE;
			}
			rows.add(new BoardRow(child.id(), child.name(), r == null ? null : r.id(), status,
					r == null ? null : r.submittedAt()));
		}
		return rows;
	}

	// ---- the organisation's own steps ----

	/**
	 * Opens (or finds) the caller's own organisation's return for the year, pre-filled as of the
	 * date (31 December unless given; within the year, not after today).
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long open(int year, LocalDate asOf) {
		Long orgId = ownOrg();
		if (orgId == null) {
			throw new RuleViolationException("year", "report.open.noOrganization");
		}
		if (year < ChinaTime.FIRST_YEAR || year > today().getYear()) {
			throw new RuleViolationException("year", "report.open.yearInvalid");
		}
		LocalDate date = asOfDate(year, asOf);
		Optional<ReturnView> existing = find(orgId, year);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		OrganizationSummary org = organizations.get(orgId);
		Long id = jdbc.sql("""
				insert into report_return (org_id, org_path, org_name, parent_id, year, as_of, status, prefilled_at, created_at)
				values (:o, :path, :name, :parent, :y, :asOf, 'DRAFT', :now, :now)
				on conflict (org_id, year) do nothing returning id
				""")
			.param("o", orgId)
			.param("path", org.path())
			.param("name", org.name())
			.param("parent", org.parentId())
			.param("y", year)
			.param("asOf", date)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return find(orgId, year).orElseThrow().id();
		}
		Map<String, Long> recorded = recorded(org, year, date);
		Map<String, Long> typedBelow = typedBelow(orgId, year);
		List<String> keys = new ArrayList<>();
		List<Long> recordedValues = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		for (ReturnCell cell : ReturnDefinition.cells()) {
			if (cell.rate()) {
				continue;
			}
			Long value = cell.prefilled() ? recorded.get(cell.key()) : typedBelow.get(cell.key());
			keys.add(cell.key());
			recordedValues.add(cell.prefilled() ? value : null);
			values.add(value);
		}
		// all cells in one statement (a province pre-fills 5,500 returns)
		jdbc.sql("""
				insert into report_cell (return_id, cell_key, recorded, value)
				select :r, t.k, t.rec, t.v from unnest(:keys, :recs, :vals) as t(k, rec, v)
				""")
			.param("r", id)
			.param("keys", keys.toArray(String[]::new))
			.param("recs", recordedValues.toArray(Long[]::new))
			.param("vals", values.toArray(Long[]::new))
			.update();
		step(id, "OPENED", null);
		audit.record(AuditEntry.of("REPORT_OPENED").entity("StatisticalReturn", id).org(orgId)
			.summary("audit.summary.reportOpened", org.name(), year));
		return id;
	}

	/**
	 * Opens, pre-filled as of the date, the return of every active organisation below the caller's
	 * own that has none for the year (a level starting the year's round for its whole subtree), set
	 * -based: each source's drill-down is read once per organisation that has organisations below
	 * it — its rows give the leaves directly below their figures and the level its own records —
	 * instead of once per organisation and source; the returns, their cells and their first steps
	 * are written in three statements. The values are those {@link #open} gives each organisation.
	 * Answers how many returns were opened.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public int prefillBelow(int year, LocalDate asOf) {
		Long own = ownOrg();
		if (own == null) {
			throw new RuleViolationException("year", "report.open.noOrganization");
		}
		if (year < ChinaTime.FIRST_YEAR || year > today().getYear()) {
			throw new RuleViolationException("year", "report.open.yearInvalid");
		}
		LocalDate date = asOfDate(year, asOf);
		OrganizationSummary root = organizations.get(own);
		List<OrganizationSummary> below = new ArrayList<>();
		for (org.chamberlink.organization.OrganizationType type : org.chamberlink.organization.OrganizationType.values()) {
			organizations.activeOfType(root.id(), type, null).stream().filter(o -> !o.id().equals(root.id())).forEach(below::add);
		}
		java.util.Set<Long> opened = new java.util.HashSet<>(jdbc.sql("select org_id from report_return where year = :y and "
				+ DataScope.subtree(root.path()).on("org_path")).params(DataScope.subtree(root.path()).param()).param("y", year)
			.query(Long.class).list());
		java.util.Set<Long> ids = new java.util.HashSet<>();
		below.forEach(o -> ids.add(o.id()));
		java.util.Set<Long> parents = new java.util.HashSet<>();
		below.forEach(o -> parents.add(o.parentId()));
		Map<Long, Map<String, Long>> recorded = new HashMap<>();
		Map<String, List<ReturnCell>> bySource = bySource();
		FigurePeriod period = new FigurePeriod(LocalDate.of(year, 1, 1), date);
		for (Long parent : parents) {
			if (!parent.equals(root.id()) && !ids.contains(parent)) {
				continue;
			}
			for (Map.Entry<String, List<ReturnCell>> source : bySource.entrySet()) {
				List<ReturnCell> cells = source.getValue();
				FigureTable table = figures.table(parent, period, orgId -> null,
						cells.stream().map(ReturnCell::figure).toArray(String[]::new));
				for (FigureTable.Row row : table.rows()) {
					Long node = row.own() ? parent : row.orgId();
					// organisation counts: a child's drill-down row counts those below it, not itself (read per leaf below)
					boolean wanted = row.own() ? !parent.equals(root.id())
							: ids.contains(node) && !parents.contains(node) && !"organization".equals(source.getKey());
					if (wanted && !opened.contains(node)) {
						read(row, cells, recorded.computeIfAbsent(node, k -> new HashMap<>()));
					}
				}
			}
		}
		List<Long> leaves = below.stream().map(OrganizationSummary::id).filter(id -> !parents.contains(id) && !opened.contains(id)).toList();
		List<ReturnCell> organizationCells = bySource.getOrDefault("organization", List.of());
		if (!leaves.isEmpty() && !organizationCells.isEmpty()) {
			FigureTable table = figures.tableOf(leaves, period, orgId -> null,
					organizationCells.stream().map(ReturnCell::figure).toArray(String[]::new));
			for (FigureTable.Row row : table.rows()) {
				read(row, organizationCells, recorded.computeIfAbsent(row.orgId(), k -> new HashMap<>()));
			}
		}
		// the accepted returns below a level that has some, by level and cell, in one statement
		Map<Long, Map<String, Long>> acceptedBelow = new HashMap<>();
		DataScope subtree = DataScope.subtree(root.path());
		jdbc.sql("select r.parent_id, c.cell_key, sum(c.value)::bigint from report_cell c join report_return r on r.id = c.return_id"
				+ " where r.year = :y and r.status = 'ACCEPTED' and c.value is not null and " + subtree.on("r.org_path")
				+ " group by 1, 2")
			.params(subtree.param())
			.param("y", year)
			.query((rs, n) -> acceptedBelow.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
			.list();
		List<Long> orgIds = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<Long> parentIds = new ArrayList<>();
		for (OrganizationSummary org : below) {
			if (!opened.contains(org.id())) {
				orgIds.add(org.id());
				paths.add(org.path());
				names.add(org.name());
				parentIds.add(org.parentId());
			}
		}
		if (orgIds.isEmpty()) {
			return 0;
		}
		Timestamp now = Timestamp.from(clock.instant());
		Map<Long, Long> returnIds = new HashMap<>();
		jdbc.sql("""
				insert into report_return (org_id, org_path, org_name, parent_id, year, as_of, status, prefilled_at, created_at)
				select t.o, t.p, t.n, t.parent, :y, :asOf, 'DRAFT', :now, :now from unnest(:orgs, :paths, :names, :parents) as t(o, p, n, parent)
				on conflict (org_id, year) do nothing returning id, org_id
				""")
			.param("orgs", orgIds.toArray(Long[]::new))
			.param("paths", paths.toArray(String[]::new))
			.param("names", names.toArray(String[]::new))
			.param("parents", parentIds.toArray(Long[]::new))
			.param("y", year)
			.param("asOf", date)
			.param("now", now)
			.query((rs, n) -> returnIds.put(rs.getLong(2), rs.getLong(1)))
			.list();
		List<Long> cellReturns = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<Long> recordedValues = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		for (Map.Entry<Long, Long> entry : returnIds.entrySet()) {
			Long org = entry.getKey();
			boolean level = parents.contains(org);
			Map<String, Long> records = recorded.getOrDefault(org, Map.of());
			Map<String, Long> sums = acceptedBelow.getOrDefault(org, Map.of());
			for (ReturnCell cell : ReturnDefinition.cells()) {
				if (cell.rate()) {
					continue;
				}
				Long value;
				if (cell.prefilled()) {
					value = records.getOrDefault(cell.key(), 0L) + (level ? sums.getOrDefault(cell.key(), 0L) : 0L);
				}
				else {
					value = level ? sums.get(cell.key()) : null;
				}
				cellReturns.add(entry.getValue());
				keys.add(cell.key());
				recordedValues.add(cell.prefilled() ? value : null);
				values.add(value);
			}
		}
		jdbc.sql("""
				insert into report_cell (return_id, cell_key, recorded, value)
				select t.r, t.k, t.rec, t.v from unnest(:returns, :keys, :recs, :vals) as t(r, k, rec, v)
				""")
			.param("returns", cellReturns.toArray(Long[]::new))
			.param("keys", keys.toArray(String[]::new))
			.param("recs", recordedValues.toArray(Long[]::new))
			.param("vals", values.toArray(Long[]::new))
			.update();
		jdbc.sql("""
				insert into report_step (return_id, action, account_id, at) select t.r, 'OPENED', :by, :now from unnest(:returns) as t(r)
				""")
			.param("returns", returnIds.values().toArray(Long[]::new))
			.param("by", accountId())
			.param("now", now)
			.update();
		audit.record(AuditEntry.of("REPORT_PREFILLED_BELOW").entity("Organization", root.id()).org(root.id())
			.summary("audit.summary.reportPrefilledBelow", root.name(), Integer.toString(year), returnIds.size()));
		return returnIds.size();
	}

	private static Map<String, List<ReturnCell>> bySource() {
		Map<String, List<ReturnCell>> bySource = new LinkedHashMap<>();
		for (ReturnCell cell : ReturnDefinition.cells()) {
			if (cell.prefilled()) {
				bySource.computeIfAbsent(cell.figure().substring(0, cell.figure().indexOf('.')), k -> new ArrayList<>()).add(cell);
			}
		}
		return bySource;
	}

	private LocalDate asOfDate(int year, LocalDate asOf) {
		LocalDate date = asOf == null ? LocalDate.of(year, 12, 31) : asOf;
		if (date.getYear() != year) {
			throw new RuleViolationException("asOf", "report.open.asOfOutsideYear", Integer.toString(year)); // a year, not 2,025
		}
		return date.isAfter(today()) ? today() : date;
	}

	/** Reads the records again as of the date; cells the organisation adjusted keep their value and reason. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void refresh(Long id, LocalDate asOf) {
		ReturnView view = ownEditable(id);
		LocalDate date = asOfDate(view.year(), asOf == null ? view.asOf() : asOf);
		Map<String, Long> recorded = recorded(organizations.get(view.orgId()), view.year(), date);
		for (CellValue cell : cellsOf(id).values()) {
			ReturnCell definition = ReturnDefinition.cell(cell.key());
			if (!definition.prefilled()) {
				continue;
			}
			Long now = recorded.get(cell.key());
			boolean adjusted = cell.adjusted() || (cell.recorded() == null && cell.value() != null);
			jdbc.sql("""
					insert into report_cell (return_id, cell_key, recorded, value) values (:r, :k, :rec, :v)
					on conflict (return_id, cell_key) do update set recorded = excluded.recorded, value = excluded.value,
					    reason = case when excluded.value = excluded.recorded then null else report_cell.reason end
					""")
				.param("r", id)
				.param("k", cell.key())
				.param("rec", now)
				.param("v", adjusted ? cell.value() : now)
				.update();
		}
		jdbc.sql("update report_return set as_of = :d, prefilled_at = :now, version = version + 1 where id = :id")
			.param("d", date)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("REPORT_REFRESHED").entity("StatisticalReturn", id).org(view.orgId())
			.summary("audit.summary.reportRefreshed", view.orgName(), view.year(), date.toString()));
	}

	/**
	 * Saves typed values (text as typed: counts, or yuan for money; blank empties a typed cell and
	 * restores a pre-filled one to its records) with the reasons of adjustments. Refused — naming
	 * the cell, writing nothing — for a value that is not a number, an adjustment without a reason,
	 * or a cross-check error. Answers the warnings that remain.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public List<Finding> save(Long id, Map<String, String> typed, Map<String, String> reasons) {
		ReturnView view = ownEditable(id);
		Map<String, CellValue> cells = cellsOf(id);
		Map<String, CellValue> next = new LinkedHashMap<>(cells);
		for (Map.Entry<String, String> entry : typed.entrySet()) {
			ReturnCell cell = ReturnDefinition.cell(entry.getKey());
			if (cell == null || cell.rate()) {
				continue;
			}
			CellValue before = cells.get(cell.key());
			Long value = parse(cell, entry.getValue());
			if (value == null && cell.prefilled()) {
				value = before.recorded();
			}
			String reason = reasons == null ? null : reasons.get(cell.key());
			reason = reason == null || reason.isBlank() ? null : reason.strip();
			boolean adjusted = cell.prefilled() && value != null && !value.equals(before.recorded());
			if (adjusted && reason == null) {
				reason = before.adjusted() && value.equals(before.value()) ? before.reason() : null;
				if (reason == null) {
					throw new RuleViolationException("reason." + cell.key(), "report.cell.reasonRequired",
							ReturnChecks.label(cell.key()));
				}
			}
			if (reason != null && reason.length() > 500) {
				throw new RuleViolationException("reason." + cell.key(), "report.cell.reasonTooLong", ReturnChecks.label(cell.key()));
			}
			next.put(cell.key(), new CellValue(cell.key(), before.recorded(), value, adjusted ? reason : null));
		}
		Map<String, Long> values = new HashMap<>();
		next.forEach((key, cell) -> values.put(key, cell.value()));
		List<Finding> findings = ReturnChecks.run(values, previous(view), sharePercent, comments(id));
		for (Finding finding : findings) {
			if (finding.error()) {
				throw new RuleViolationException(finding.field(), finding.messageKey(), finding.arguments());
			}
		}
		Map<String, org.chamberlink.audit.Change> changes = new LinkedHashMap<>();
		for (CellValue cell : next.values()) {
			CellValue before = cells.get(cell.key());
			if (java.util.Objects.equals(before.value(), cell.value()) && java.util.Objects.equals(before.reason(), cell.reason())) {
				continue;
			}
			jdbc.sql("update report_cell set value = :v, reason = :why where return_id = :r and cell_key = :k")
				.param("v", cell.value())
				.param("why", cell.reason())
				.param("r", id)
				.param("k", cell.key())
				.update();
			changes.put(cell.key(), new org.chamberlink.audit.Change(text(before.value(), cell.key()), text(cell.value(), cell.key())));
		}
		if (!changes.isEmpty()) {
			jdbc.sql("update report_return set version = version + 1 where id = :id").param("id", id).update();
			audit.record(AuditEntry.of("REPORT_SAVED").entity("StatisticalReturn", id).org(view.orgId()).changes(changes)
				.summary("audit.summary.reportSaved", view.orgName(), view.year(), changes.size()));
		}
		return findings;
	}

	private static String text(Long value, String key) {
		return value == null ? "" : ReturnChecks.text(key, value);
	}

	private static Long parse(ReturnCell cell, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (cell.money()) {
			Long fen = Fen.parse(text);
			if (fen == null) {
				throw new RuleViolationException("cell." + cell.key(), "report.cell.moneyInvalid", ReturnChecks.label(cell.key()));
			}
			return fen;
		}
		String digits = text.strip().replace(",", "").replace("，", "");
		if (!digits.matches("\\d{1,13}") || Long.parseLong(digits) > MAX_COUNT) {
			throw new RuleViolationException("cell." + cell.key(), "report.cell.countInvalid", ReturnChecks.label(cell.key()));
		}
		return Long.parseLong(digits);
	}

	/**
	 * Submits the return to the level above: every typed cell filled, no cross-check error, each
	 * warning answered by a comment (given here, by check key), before the deadline the level above set.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void submit(Long id, Map<String, String> comments) {
		ReturnView view = ownEditable(id);
		deadline(view.parentId(), view.year()).ifPresent(due -> {
			if (today().isAfter(due)) {
				throw new RuleViolationException("deadline", "report.submit.pastDeadline", due.toString());
			}
		});
		Map<String, CellValue> cells = cellsOf(id);
		for (CellValue cell : cells.values()) {
			if (cell.value() == null && ReturnDefinition.cell(cell.key()).typed()) {
				throw new RuleViolationException("cell." + cell.key(), "report.submit.typedMissing", ReturnChecks.label(cell.key()));
			}
		}
		Map<String, String> given = new HashMap<>(comments(id));
		if (comments != null) {
			comments.forEach((key, comment) -> {
				if (comment != null && !comment.isBlank()) {
					given.put(key, comment.strip());
				}
			});
		}
		Map<String, Long> values = new HashMap<>();
		cells.forEach((key, cell) -> values.put(key, cell.value()));
		List<Finding> findings = ReturnChecks.run(values, previous(view), sharePercent, given);
		for (Finding finding : findings) {
			if (finding.error()) {
				throw new RuleViolationException(finding.field(), finding.messageKey(), finding.arguments());
			}
			if (finding.comment() == null) {
				throw new RuleViolationException("comment." + finding.key(), "report.submit.commentRequired",
						ReturnChecks.label(finding.cell()));
			}
			if (finding.comment().length() > 500) {
				throw new RuleViolationException("comment." + finding.key(), "report.submit.commentTooLong",
						ReturnChecks.label(finding.cell()));
			}
		}
		for (Finding finding : findings) {
			jdbc.sql("""
					insert into report_comment (return_id, check_key, comment) values (:r, :k, :c)
					on conflict (return_id, check_key) do update set comment = excluded.comment
					""").param("r", id).param("k", finding.key()).param("c", finding.comment()).update();
		}
		jdbc.sql("""
				update report_return set status = 'SUBMITTED', submitted_at = :now, version = version + 1 where id = :id
				""").param("now", Timestamp.from(clock.instant())).param("id", id).update();
		step(id, "SUBMITTED", null);
		audit.record(AuditEntry.of("REPORT_SUBMITTED").entity("StatisticalReturn", id).org(view.orgId())
			.summary("audit.summary.reportSubmitted", view.orgName(), view.year()));
	}

	// ---- the level above ----

	/** Sets the deadline for the returns of the organisations directly below the caller's own. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void setDeadline(int year, LocalDate dueOn) {
		Long orgId = ownOrg();
		if (orgId == null) {
			throw new RuleViolationException("dueOn", "report.open.noOrganization");
		}
		if (year < ChinaTime.FIRST_YEAR || year > ChinaTime.LAST_YEAR) {
			throw new RuleViolationException("year", "report.open.yearInvalid");
		}
		if (dueOn == null) {
			throw new RuleViolationException("dueOn", "report.deadline.required");
		}
		if (dueOn.getYear() < year || dueOn.getYear() > year + 1) {
			throw new RuleViolationException("dueOn", "report.deadline.outsideYear", year);
		}
		OrganizationSummary org = organizations.get(orgId);
		jdbc.sql("""
				insert into report_deadline (org_id, org_path, year, due_on, set_by, set_at) values (:o, :p, :y, :d, :by, :now)
				on conflict (org_id, year) do update set due_on = excluded.due_on, set_by = excluded.set_by, set_at = excluded.set_at
				""")
			.param("o", orgId)
			.param("p", org.path())
			.param("y", year)
			.param("d", dueOn)
			.param("by", accountId())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		audit.record(AuditEntry.of("REPORT_DEADLINE_SET").entity("Organization", orgId).org(orgId)
			.summary("audit.summary.reportDeadlineSet", year, dueOn.toString()));
	}

	/** Returns a submitted return to its organisation with the reason. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void returnForChanges(Long id, String reason) {
		ReturnView view = reviewable(id);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new RuleViolationException("reason", "report.return.reasonRequired");
		}
		if (why.length() > 500) {
			throw new RuleViolationException("reason", "report.return.reasonTooLong");
		}
		jdbc.sql("update report_return set status = 'RETURNED', return_reason = :why, version = version + 1 where id = :id")
			.param("why", why)
			.param("id", id)
			.update();
		step(id, "RETURNED", why);
		audit.record(AuditEntry.of("REPORT_RETURNED").entity("StatisticalReturn", id).org(view.orgId())
			.summary("audit.summary.reportReturned", view.orgName(), view.year(), why));
	}

	/** Accepts a submitted return: its stored values become a snapshot later records do not move. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void accept(Long id) {
		ReturnView view = reviewable(id);
		jdbc.sql("""
				update report_return set status = 'ACCEPTED', return_reason = null, accepted_at = :now, version = version + 1
				where id = :id
				""").param("now", Timestamp.from(clock.instant())).param("id", id).update();
		step(id, "ACCEPTED", null);
		audit.record(AuditEntry.of("REPORT_ACCEPTED").entity("StatisticalReturn", id).org(view.orgId())
			.summary("audit.summary.reportAccepted", view.orgName(), view.year()));
	}

	/** Whether the caller's organisation is the level that reviews this return. */
	public boolean reviews(ReturnView view) {
		Long own = ownOrg();
		return own != null && own.equals(view.parentId());
	}

	/** Whether the caller's organisation is the return's own. */
	public boolean owns(ReturnView view) {
		Long own = ownOrg();
		return own != null && own.equals(view.orgId());
	}

	private ReturnView reviewable(Long id) {
		ReturnView view = get(id);
		if (!reviews(view)) {
			throw new RuleViolationException("review", "report.review.notYourLevel");
		}
		if (view.status() != ReturnStatus.SUBMITTED) {
			throw new RuleViolationException("review", "report.review.notSubmitted");
		}
		return view;
	}

	private ReturnView ownEditable(Long id) {
		ReturnView view = get(id);
		if (!owns(view)) {
			throw new RuleViolationException("return", "report.notOwn");
		}
		if (!view.status().editable()) {
			throw new RuleViolationException("return", "report.notEditable");
		}
		return view;
	}

	// ---- pre-fill and consolidation ----

	/**
	 * What the records say for each pre-filled cell. An organisation with organisations below it
	 * consolidates: the accepted returns of those directly below (their stored values) plus its own
	 * level's records (the figure's own row); a leaf reads its figures.
	 */
	Map<String, Long> recorded(OrganizationSummary org, int year, LocalDate asOf) {
		FigurePeriod period = new FigurePeriod(LocalDate.of(year, 1, 1), asOf);
		Map<String, List<ReturnCell>> bySource = new LinkedHashMap<>();
		for (ReturnCell cell : ReturnDefinition.cells()) {
			if (cell.prefilled()) {
				bySource.computeIfAbsent(cell.figure().substring(0, cell.figure().indexOf('.')), k -> new ArrayList<>()).add(cell);
			}
		}
		Map<String, Long> recorded = new HashMap<>();
		boolean leaf = organizations.children(org.id()).isEmpty();
		if (leaf) {
			for (List<ReturnCell> cells : bySource.values()) {
				FigureTable table = figures.tableOf(List.of(org.id()), period, orgId -> null,
						cells.stream().map(ReturnCell::figure).toArray(String[]::new));
				read(table.rows().isEmpty() ? null : table.rows().get(0), cells, recorded);
			}
			return recorded;
		}
		for (List<ReturnCell> cells : bySource.values()) {
			FigureTable table = figures.table(org.id(), period, orgId -> null,
					cells.stream().map(ReturnCell::figure).toArray(String[]::new));
			read(table.rows().stream().filter(FigureTable.Row::own).findFirst().orElse(null), cells, recorded);
		}
		jdbc.sql("""
				select c.cell_key, sum(c.value)::bigint from report_cell c join report_return r on r.id = c.return_id
				where r.parent_id = :o and r.year = :y and r.status = 'ACCEPTED' group by c.cell_key
				""")
			.param("o", org.id())
			.param("y", year)
			.query((rs, n) -> {
				String key = rs.getString(1);
				long sum = rs.getLong(2);
				if (!rs.wasNull() && ReturnDefinition.cell(key) != null && ReturnDefinition.cell(key).prefilled()) {
					recorded.merge(key, sum, Long::sum);
				}
				return null;
			})
			.list();
		return recorded;
	}

	private static void read(FigureTable.Row row, List<ReturnCell> cells, Map<String, Long> recorded) {
		for (int i = 0; i < cells.size(); i++) {
			BigDecimal value = row == null ? null : row.cells().get(i).value().value();
			recorded.put(cells.get(i).key(), value == null ? 0L : value.longValue());
		}
	}

	/** Typed cells of a consolidating level start from the sum of the accepted returns below. */
	private Map<String, Long> typedBelow(Long orgId, int year) {
		Map<String, Long> sums = new HashMap<>();
		jdbc.sql("""
				select c.cell_key, sum(c.value)::bigint from report_cell c join report_return r on r.id = c.return_id
				where r.parent_id = :o and r.year = :y and r.status = 'ACCEPTED' and c.value is not null group by c.cell_key
				""")
			.param("o", orgId)
			.param("y", year)
			.query((rs, n) -> sums.put(rs.getString(1), rs.getLong(2)))
			.list();
		return sums;
	}

	private void step(Long id, String action, String reason) {
		jdbc.sql("insert into report_step (return_id, action, reason, account_id, at) values (:r, :a, :why, :by, :now)")
			.param("r", id)
			.param("a", action)
			.param("why", reason)
			.param("by", accountId())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private static AccountPrincipal principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal : null;
	}

	private static Long ownOrg() {
		AccountPrincipal principal = principal();
		return principal == null ? null : principal.orgId();
	}

	private static long accountId() {
		AccountPrincipal principal = principal();
		return principal == null ? 0L : principal.id();
	}

}
