package org.chamberlink.shared.figures;

import java.util.List;

/**
 * A drill-down of several figures, as the shared fragment {@code fragments/figures :: drilldown}
 * shows it: a column per figure, a row per organisation directly below (and the node's own level).
 */
public record FigureTable(List<FigureDefinition> columns, List<Row> rows) {

	/** @param href the row's own drill-down address; null for the node's own level */
	public record Row(Long orgId, String orgName, boolean own, String href, List<Cell> cells) {
	}

	public record Cell(FigureDefinition figure, FigureValue value) {

		public String text() {
			return value.text(figure.unit());
		}

	}

}
