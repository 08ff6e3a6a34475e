package org.chamberlink.web;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;

/**
 * Writes an .xlsx with headers in the user's language, streaming rows in batches so an export
 * of any size never holds more than one batch in memory.
 */
public final class XlsxWriter implements AutoCloseable {

	private static final int BATCH = 1000;

	private final ExcelWriter writer;

	private WriteSheet sheet;

	private final List<List<Object>> batch = new ArrayList<>();

	private XlsxWriter(OutputStream out) {
		this.writer = FastExcel.write(out).build();
	}

	public static XlsxWriter open(OutputStream out, String sheetName, List<String> headers) {
		return new XlsxWriter(out).sheet(sheetName, headers);
	}

	/** Starts another sheet (e.g. the explanation sheet of an import template). */
	public XlsxWriter sheet(String name, List<String> headers) {
		flush();
		sheet = FastExcel.writerSheet(name).head(headers.stream().map(List::of).toList()).build();
		writer.write(List.of(), sheet);
		return this;
	}

	public void row(List<?> cells) {
		batch.add(new ArrayList<>(cells));
		if (batch.size() >= BATCH) {
			flush();
		}
	}

	private void flush() {
		if (!batch.isEmpty()) {
			writer.write(batch, sheet);
			batch.clear();
		}
	}

	@Override
	public void close() {
		flush();
		writer.finish();
	}

}
