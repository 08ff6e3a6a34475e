package org.chamberlink.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chamberlink.report.CellValue;
import org.chamberlink.report.ReturnCell;
import org.chamberlink.report.ReturnChecks;
import org.chamberlink.report.ReturnDefinition;
import org.chamberlink.report.ReturnTable;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.Rate;

/** A return's tables as the page, the API and the workbook show them: every cell with its texts. */
record ReturnRows(List<Table> tables) {

	/**
	 * @param input the value as a form field holds it (yuan for money)
	 * @param valueText the value as shown (¥1,234.56, 1,234, 89.76 %)
	 * @param recordedText what the records say, as shown; null for a typed or rate cell
	 */
	record Row(ReturnCell cell, Long value, Long recorded, String input, String valueText, String recordedText, String reason,
			boolean adjusted) {
	}

	record Table(ReturnTable table, List<Row> rows) {

		/** Whether the table has cells the organisation types (opened on the page for the organisation filling it). */
		public boolean typed() {
			return rows.stream().anyMatch(row -> row.cell().typed());
		}

		/** Whether a form field (cell.x, reason.x) names one of the table's cells. */
		public boolean holds(String field) {
			if (field == null) {
				return false;
			}
			String key = field.substring(field.indexOf('.') + 1);
			return rows.stream().anyMatch(row -> row.cell().key().equals(key));
		}

		/** How many of its cells are adjusted. */
		public long adjustments() {
			return rows.stream().filter(Row::adjusted).count();
		}

	}

	/** A stored cell's value, by key (null for an empty or unknown one). */
	Long value(String key) {
		for (Table table : tables) {
			for (Row row : table.rows()) {
				if (row.cell().key().equals(key)) {
					return row.value();
				}
			}
		}
		return null;
	}

	static ReturnRows of(Map<String, CellValue> cells) {
		List<Table> tables = new ArrayList<>();
		for (ReturnTable table : ReturnDefinition.TABLES) {
			List<Row> rows = new ArrayList<>();
			for (ReturnCell cell : table.cells()) {
				if (cell.rate()) {
					Long numerator = cells.get(cell.numerator()).value();
					Long denominator = cells.get(cell.denominator()).value();
					String text = numerator == null || denominator == null ? "—" : Rate.of(numerator, denominator).label();
					rows.add(new Row(cell, null, null, null, text, null, null, false));
					continue;
				}
				CellValue value = cells.get(cell.key());
				rows.add(new Row(cell, value.value(), value.recorded(), input(cell, value.value()), text(cell, value.value()),
						value.recorded() == null ? null : text(cell, value.recorded()), value.reason(), value.adjusted()));
			}
			tables.add(new Table(table, rows));
		}
		return new ReturnRows(tables);
	}

	static String input(ReturnCell cell, Long value) {
		if (value == null) {
			return "";
		}
		return cell.money() ? Fen.yuan(value).toPlainString() : Long.toString(value);
	}

	static String text(ReturnCell cell, Long value) {
		return value == null ? "—" : ReturnChecks.text(cell.key(), value);
	}

}
