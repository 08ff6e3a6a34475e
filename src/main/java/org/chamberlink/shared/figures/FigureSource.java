package org.chamberlink.shared.figures;

import java.util.List;
import java.util.Set;

/**
 * A module's figures, offered to the rest of the application (like {@link DashboardPanel}): the
 * dashboard, drill-downs, evaluation indicators and the yearly statistical return read them
 * through {@link Figures}, never through the module's tables. Declared as a bean.
 *
 * <p>Both methods answer only for an organisation in the caller's data scope; any other id
 * throws {@link RecordNotFoundException}, as for an id that does not exist. They return the
 * summed figures ({@link FigureRollUp.Kind#SUM}); ratios are computed from those by the registry.
 */
public interface FigureSource {

	/** Who reads most modules' figures: staff of every kind, and auditors and leaders. */
	Set<String> STAFF_AND_AUDITORS = Set.of("SYSTEM_ADMIN", "FEDERATION_ADMIN", "CHAMBER_ADMIN", "STAFF", "AUDITOR");

	/** The figures this source answers, in the order they are listed. */
	List<FigureDefinition> definitions();

	/** Roles that may read them (any of them, without the ROLE_ prefix); empty: everyone signed in. */
	Set<String> readers();

	/** The figures of the organisation's whole subtree for the period. */
	FigureRow values(Long orgId, FigurePeriod period);

	/**
	 * The same for the organisation's own level (if it has one) and for each organisation
	 * directly below it, in the order a drill-down shows them.
	 */
	List<FigureRow> below(Long orgId, FigurePeriod period);

	/**
	 * The node's figures and its drill-down together, as {@link Figures#figure} shows them: by
	 * default {@link #values} and {@link #below}; a source that counts both in one grouped
	 * statement answers them at once.
	 */
	default DrillDown drillDown(Long orgId, FigurePeriod period) {
		return new DrillDown(values(orgId, period), below(orgId, period));
	}

	/** A node's row and the rows below it. */
	record DrillDown(FigureRow node, List<FigureRow> below) {
	}

}
