package org.chamberlink.report.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

import org.chamberlink.report.ReturnView;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.Rate;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A return as a workbook in the printed layout, one sheet per table: the organisation, year and
 * table in a merged title, the date the records were read as of, a two-row header (指标 · 单位 ·
 * 数值 over 填报数 and 台账数 · 调整原因), the parts indented under their totals. Money in yuan.
 */
@Component
class ReturnWorkbook {

	private final MessageSource messages;

	ReturnWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	void write(ReturnView view, ReturnRows rows, Locale locale, OutputStream out) {
		try {
			Workbook workbook = new Workbook(out, "ChamberLink", "1.0");
			for (ReturnRows.Table table : rows.tables()) {
				String title = message(table.table().titleKey(), locale);
				Worksheet sheet = workbook.newWorksheet(title.length() > 31 ? title.substring(0, 31) : title);
				sheet.value(0, 0, message("report.return.title", locale, view.orgName(), view.year()) + " " + title);
				sheet.range(0, 0, 0, 4).merge();
				sheet.range(0, 0, 0, 4).style().bold().fontSize(14).horizontalAlignment("center").set();
				sheet.value(1, 0, message("report.asOf", locale) + " " + view.asOf() + "  " + message("report.status", locale) + " "
						+ message("report.status." + view.status(), locale));
				sheet.range(1, 0, 1, 4).merge();
				sheet.value(2, 0, message("report.cell", locale));
				sheet.range(2, 0, 3, 0).merge();
				sheet.value(2, 1, message("report.unit", locale));
				sheet.range(2, 1, 3, 1).merge();
				sheet.value(2, 2, message("report.value", locale) + " / " + message("report.recorded", locale));
				sheet.range(2, 2, 2, 3).merge();
				sheet.value(3, 2, message("report.value", locale));
				sheet.value(3, 3, message("report.recorded", locale));
				sheet.value(2, 4, message("report.adjustment.reason", locale));
				sheet.range(2, 4, 3, 4).merge();
				sheet.range(2, 0, 3, 4).style().bold().fillColor("D9E1F2").horizontalAlignment("center").borderStyle("thin").set();
				sheet.width(0, 34);
				sheet.width(1, 8);
				sheet.width(2, 16);
				sheet.width(3, 16);
				sheet.width(4, 30);
				int r = 4;
				for (ReturnRows.Row row : table.rows()) {
					sheet.value(r, 0, "  ".repeat(row.cell().indent()) + message(row.cell().labelKey(), locale));
					sheet.value(r, 1, message(row.cell().unitKey(), locale));
					if (row.cell().rate()) {
						Long numerator = rows.value(row.cell().numerator());
						Long denominator = rows.value(row.cell().denominator());
						BigDecimal percent = numerator == null || denominator == null ? null : Rate.of(numerator, denominator).percent();
						if (percent != null) {
							sheet.value(r, 2, percent);
						}
					}
					else {
						number(sheet, r, 2, row.cell().money(), row.value());
						number(sheet, r, 3, row.cell().money(), row.recorded());
						if (row.reason() != null) {
							sheet.value(r, 4, row.reason());
						}
					}
					sheet.range(r, 0, r, 4).style().borderStyle("thin").set();
					r++;
				}
				sheet.finish();
			}
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void number(Worksheet sheet, int r, int c, boolean money, Long value) {
		if (value != null) {
			sheet.value(r, c, money ? Fen.yuan(value) : BigDecimal.valueOf(value));
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
