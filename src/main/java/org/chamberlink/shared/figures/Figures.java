package org.chamberlink.shared.figures;

import org.chamberlink.shared.RecordNotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The figures of every module, by key: what the dashboard, the drill-downs, the evaluation
 * indicators and the yearly statistical return read. It knows no module; the modules offer their
 * figures as {@link FigureSource} beans. Ratios are computed here from their two summed figures,
 * for a node and for each row below it alike, so no rate is ever an average of rates.
 */
@Service
public class Figures {

	/** A figure of one node for a period, and the same for its own level and each organisation below. */
	public record Result(FigureDefinition figure, Long orgId, String orgName, LocalDate from, LocalDate to,
			FigureValue value, List<Below> below) {
	}

	/** One row of a drill-down: an organisation directly below, or the node's own level. */
	public record Below(Long orgId, String orgName, boolean own, FigureValue value) {
	}

	private final Map<String, FigureDefinition> definitions = new LinkedHashMap<>();

	private final Map<String, FigureSource> sources = new HashMap<>();

	private final java.time.Clock clock;

	Figures(List<FigureSource> sources, java.time.Clock clock) {
		this.clock = clock;
		for (FigureSource source : sources) {
			for (FigureDefinition figure : source.definitions()) {
				if (definitions.putIfAbsent(figure.key(), figure) != null) {
					throw new IllegalStateException("Figure " + figure.key() + " is offered twice");
				}
				this.sources.put(figure.key(), source);
			}
		}
		definitions.values().stream().filter(figure -> figure.rollUp().isRatio()).forEach(this::checkParts);
	}

	/** Every figure the current account may read, module by module. */
	public List<FigureDefinition> definitions() {
		return definitions.values().stream().filter(figure -> readable(sources.get(figure.key()))).toList();
	}

	/** A figure by key; an unknown key is not found, one the account's roles do not read is denied. */
	public FigureDefinition definition(String key) {
		FigureDefinition figure = definitions.get(key);
		if (figure == null) {
			throw new RecordNotFoundException("Figure", key);
		}
		if (!readable(sources.get(key))) {
			throw new AccessDeniedException("Figure " + key);
		}
		return figure;
	}

	/** The value of one figure for an organisation's subtree (not found outside the caller's scope). */
	public FigureValue value(String key, Long orgId, FigurePeriod period) {
		FigureDefinition figure = definition(key);
		return valueOf(figure, sources.get(key).values(orgId, period.usedBy(figure.timing(), LocalDate.now(clock))));
	}

	/**
	 * Several figures of one organisation's subtree for a period, each source asked once however many
	 * of its figures are read (a source answers all its figures in one row): for a page or a pre-fill
	 * that reads a dozen figures of the same node. Not found outside the caller's scope, as
	 * {@link #value}.
	 */
	public Function<String, FigureValue> reader(Long orgId, FigurePeriod period) {
		LocalDate today = LocalDate.now(clock);
		Map<FigureSource, Map<FigurePeriod, FigureRow>> rows = new HashMap<>();
		return key -> {
			FigureDefinition figure = definition(key);
			FigureSource source = sources.get(key);
			FigureRow row = rows.computeIfAbsent(source, s -> new HashMap<>())
				.computeIfAbsent(period.usedBy(figure.timing(), today), used -> source.values(orgId, used));
			return valueOf(figure, row);
		};
	}

	/**
	 * Several figures of each organisation directly below a node (each its whole subtree, as
	 * {@link #reader} of that organisation answers), each source asked once for the node's drill-down
	 * ({@link FigureSource#below}) however many organisations and figures are read: a pre-fill of
	 * every chamber of a county in one grouped statement per source. An organisation the drill-down
	 * has no row for reads zero, as its own {@link FigureSource#values} would. The node must lie in the
	 * caller's scope (not found otherwise, as {@link #value}).
	 */
	public java.util.function.BiFunction<Long, String, FigureValue> readerBelow(Long nodeId, FigurePeriod period) {
		LocalDate today = LocalDate.now(clock);
		Map<FigureSource, Map<FigurePeriod, Map<Long, FigureRow>>> rows = new HashMap<>();
		return (orgId, key) -> {
			FigureDefinition figure = definition(key);
			FigureSource source = sources.get(key);
			Map<Long, FigureRow> below = rows.computeIfAbsent(source, s -> new HashMap<>())
				.computeIfAbsent(period.usedBy(figure.timing(), today), used -> {
					Map<Long, FigureRow> byOrg = new HashMap<>();
					source.below(nodeId, used).stream().filter(row -> !row.own()).forEach(row -> byOrg.put(row.orgId(), row));
					return byOrg;
				});
			FigureRow row = below.get(orgId);
			return valueOf(figure, row != null ? row : new FigureRow(orgId, null, false, Map.of()));
		};
	}

	/** The value of one figure for a node, with the drill-down by organisation directly below. */
	public Result figure(String key, Long orgId, FigurePeriod period) {
		FigureDefinition figure = definition(key);
		FigureSource source = sources.get(key);
		FigurePeriod used = period.usedBy(figure.timing(), LocalDate.now(clock));
		FigureSource.DrillDown drillDown = source.drillDown(orgId, used);
		FigureRow node = drillDown.node();
		List<Below> below = drillDown.below()
			.stream()
			.map(row -> new Below(row.orgId(), row.orgName(), row.own(), valueOf(figure, row)))
			.toList();
		return new Result(figure, node.orgId(), node.orgName(), used.from(), used.to(), valueOf(figure, node), below);
	}

	/**
	 * A drill-down table of several figures of one source: a column per figure, a row for the
	 * node's own level and each organisation directly below. {@code link} gives a row's address
	 * from its organisation id (the own level has none).
	 */
	public FigureTable table(Long orgId, FigurePeriod period, Function<Long, String> link, String... keys) {
		List<FigureDefinition> columns = columns(keys);
		return table(columns, sources.get(keys[0]).below(orgId, period.usedBy(columns.get(0).timing(), LocalDate.now(clock))), link);
	}

	/** The same table with a row for each of the given organisations (the roots, for an account above them all). */
	public FigureTable tableOf(List<Long> orgIds, FigurePeriod period, Function<Long, String> link, String... keys) {
		List<FigureDefinition> columns = columns(keys);
		FigureSource source = sources.get(keys[0]);
		FigurePeriod used = period.usedBy(columns.get(0).timing(), LocalDate.now(clock));
		return table(columns, orgIds.stream().map(id -> source.values(id, used)).toList(), link);
	}

	private List<FigureDefinition> columns(String... keys) {
		List<FigureDefinition> columns = new ArrayList<>();
		for (String key : keys) {
			columns.add(definition(key));
		}
		if (columns.stream().anyMatch(column -> sources.get(column.key()) != sources.get(keys[0]))) {
			throw new IllegalArgumentException("A table's figures come from one source: " + String.join(", ", keys));
		}
		return columns;
	}

	private FigureTable table(List<FigureDefinition> columns, List<FigureRow> rows, Function<Long, String> link) {
		return new FigureTable(columns, rows.stream()
			.map(row -> new FigureTable.Row(row.orgId(), row.orgName(), row.own(), row.own() ? null : link.apply(row.orgId()),
					columns.stream().map(column -> new FigureTable.Cell(column, valueOf(column, row))).toList()))
			.toList());
	}

	private FigureValue valueOf(FigureDefinition figure, FigureRow row) {
		return FigureValue.of(figure, row, key -> definitions.get(key).unit());
	}

	private void checkParts(FigureDefinition ratio) {
		for (String part : List.of(ratio.rollUp().numerator(), ratio.rollUp().denominator())) {
			FigureDefinition figure = definitions.get(part);
			if (figure == null || figure.rollUp().isRatio() || sources.get(part) != sources.get(ratio.key())) {
				throw new IllegalStateException("Figure " + ratio.key() + " needs " + part
						+ ", a summed figure of the same source");
			}
		}
	}

	private static boolean readable(FigureSource source) {
		if (source.readers().isEmpty()) {
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authority -> source.readers().contains(authority.replaceFirst("^ROLE_", "")));
	}

}
