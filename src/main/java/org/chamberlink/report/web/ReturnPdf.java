package org.chamberlink.report.web;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.chamberlink.report.ReturnView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A return as a PDF (A4), its tables one after the other in the printed layout of the workbook:
 * the organisation and year in the title, 指标 · 单位 · 填报数 · 台账数 · 调整原因. Chinese in Adobe's
 * STSong-Light (no font file shipped), as the dues receipt does.
 */
@Component
class ReturnPdf {

	private final MessageSource messages;

	ReturnPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(ReturnView view, ReturnRows rows, Locale locale) {
		try {
			BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(song, 16, Font.BOLD);
			Font heading = new Font(song, 12, Font.BOLD);
			Font text = new Font(song, 9);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 36, 36, 36, 36);
			PdfWriter.getInstance(document, out);
			String name = msg("report.return.title", locale, view.orgName(), view.year());
			document.addTitle(name);
			document.open();
			Paragraph top = paragraph(name, title);
			top.setAlignment(Element.ALIGN_CENTER);
			document.add(top);
			Paragraph asOf = paragraph(msg("report.asOf", locale) + " " + view.asOf() + "  " + msg("report.status", locale) + " "
					+ msg("report.status." + view.status(), locale), text);
			asOf.setAlignment(Element.ALIGN_CENTER);
			asOf.setSpacingAfter(8);
			document.add(asOf);
			for (ReturnRows.Table table : rows.tables()) {
				Paragraph caption = paragraph(msg(table.table().titleKey(), locale), heading);
				caption.setSpacingBefore(8);
				caption.setSpacingAfter(4);
				document.add(caption);
				PdfPTable grid = new PdfPTable(new float[] { 3.2f, 0.8f, 1.6f, 1.6f, 2.6f });
				grid.setWidthPercentage(100);
				for (String header : new String[] { "report.cell", "report.unit", "report.value", "report.recorded",
						"report.adjustment.reason" }) {
					PdfPCell cell = new PdfPCell(paragraph(msg(header, locale), heading));
					cell.setHorizontalAlignment(Element.ALIGN_CENTER);
					grid.addCell(cell);
				}
				for (ReturnRows.Row row : table.rows()) {
					grid.addCell(new PdfPCell(paragraph("　".repeat(row.cell().indent()) + msg(row.cell().labelKey(), locale), text)));
					grid.addCell(new PdfPCell(paragraph(msg(row.cell().unitKey(), locale), text)));
					grid.addCell(right(paragraph(row.valueText(), text)));
					grid.addCell(right(paragraph(row.recordedText() == null ? "" : row.recordedText(), text)));
					grid.addCell(new PdfPCell(paragraph(row.reason() == null ? "" : row.reason(), text)));
				}
				document.add(grid);
			}
			document.close();
			return out.toByteArray();
		}
		catch (java.io.IOException | com.lowagie.text.DocumentException e) {
			throw new IllegalStateException("Return " + view.id() + " could not be rendered", e);
		}
	}

	private static PdfPCell right(Paragraph paragraph) {
		PdfPCell cell = new PdfPCell(paragraph);
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}

	/** Characters the font cannot draw become □, control characters vanish (as on the receipt). */
	private static Paragraph paragraph(String text, Font font) {
		BaseFont base = font.getBaseFont();
		StringBuilder shown = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			boolean drawable = c <= 0xFFFF && (c == ' ' || (!Character.isISOControl(c) && base.charExists(c)));
			shown.append(drawable ? Character.toString(c) : Character.isISOControl(c) ? "" : "□");
		});
		return new Paragraph(shown.toString(), font);
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
