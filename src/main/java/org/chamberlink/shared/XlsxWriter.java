package org.chamberlink.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an .xlsx with headers in the user's language, row by row straight into the stream: an
 * export of any size never holds more than one flushed block of rows in memory. (The reader
 * library used for imports wrote 100,000 rows in about eight seconds; this writer needs about
 * one, see docs/benchmarks.md.)
 */
public final class XlsxWriter implements AutoCloseable {

	/** Rows kept before they are written out to the stream. */
	private static final int FLUSH_EVERY = 1000;

	private final Workbook workbook;

	private Worksheet sheet;

	private int row;

	private XlsxWriter(OutputStream out) {
		this.workbook = new Workbook(out, "ChamberLink", "1.0");
	}

	public static XlsxWriter open(OutputStream out, String sheetName, List<String> headers) {
		return new XlsxWriter(out).sheet(sheetName, headers);
	}

	/** Starts another sheet (e.g. the explanation sheet of an import template). */
	public XlsxWriter sheet(String name, List<String> headers) {
		try {
			if (sheet != null) {
				// sheets are zip entries one after the other: the previous one is finished first
				sheet.finish();
			}
			sheet = workbook.newWorksheet(name);
			for (int column = 0; column < headers.size(); column++) {
				sheet.value(0, column, headers.get(column));
				// wide enough for the header, or for a name or code below it
				sheet.width(column, Math.max(12, headers.get(column).length() * 2.2 + 2));
			}
			sheet.range(0, 0, 0, Math.max(0, headers.size() - 1)).style().bold().fillColor("D9E1F2").set();
			sheet.freezePane(0, 1);
			row = 1;
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void row(List<?> cells) {
		for (int column = 0; column < cells.size(); column++) {
			Object cell = cells.get(column);
			if (cell instanceof Number number) {
				sheet.value(row, column, number);
			}
			else if (cell instanceof Boolean bool) {
				sheet.value(row, column, bool);
			}
			else if (cell != null) {
				// dates as ISO text (2025-01-15): what the import reads and what people type
				sheet.value(row, column, cell.toString());
			}
		}
		row++;
		if (row % FLUSH_EVERY == 0) {
			try {
				sheet.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	@Override
	public void close() {
		try {
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
