package org.chamberlink.organization;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.chamberlink.shared.figures.FigurePeriod;

/**
 * The organisation and period a figures page shows: the one asked for (in the caller's scope) or
 * the caller's own, this year unless a period is given. An account above the tree (no organisation of
 * its own) asks nothing yet and is offered the roots to choose from.
 *
 * @param node the organisation, or {@code null} when the caller must choose a root first
 * @param period the period, or {@code null} with the roots
 * @param roots the roots to choose from, empty once a node is known
 */
public record FigureNode(OrganizationSummary node, FigurePeriod period, List<OrganizationSummary> roots) {

	/** Whether the page must first offer the roots. */
	public boolean choosingRoot() {
		return node == null;
	}

	public Long id() {
		return node.id();
	}

	public LocalDate from() {
		return period.from();
	}

	public LocalDate to() {
		return period.to();
	}

	/** The link to the same page for a child of the drill-down, keeping the period. */
	public Function<Long, String> drillDown(String page) {
		return child -> page + "?org=" + child + "&from=" + period.from() + "&to=" + period.to();
	}

	/** What every figures template reads: {@code roots}, or {@code node}, {@code from} and {@code to}. */
	public Map<String, Object> attributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		if (choosingRoot()) {
			attributes.put("roots", roots);
		}
		else {
			attributes.put("node", node);
			attributes.put("from", period.from());
			attributes.put("to", period.to());
		}
		return attributes;
	}

}
