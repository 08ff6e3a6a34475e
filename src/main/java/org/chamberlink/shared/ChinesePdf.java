package org.chamberlink.shared;

import java.time.format.DateTimeFormatter;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * What every Chinese PDF of the product (receipts, certificates) is drawn with. The text uses Adobe's
 * standard STSong-Light with the UniGB-UCS2-H encoding, which every PDF reader maps to a Song
 * typeface on its own system: no font file ships, and the text stays searchable and copyable.
 */
public final class ChinesePdf {

	/** A date as printed on a receipt or certificate: 2026年3月9日. */
	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static volatile BaseFont song;

	private ChinesePdf() {
	}

	/** The Song font, loaded once (its CMap is read from the library on first use). */
	public static BaseFont song() {
		BaseFont font = song;
		if (font == null) {
			try {
				font = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			}
			catch (java.io.IOException | com.lowagie.text.DocumentException e) {
				throw new IllegalStateException("The standard Chinese PDF font is missing", e);
			}
			song = font;
		}
		return font;
	}

	public static Font font(float size, int style) {
		return new Font(song(), size, style);
	}

	/**
	 * A paragraph of what the font can draw: a character it does not have (an emoji in a member's
	 * name, beyond the font's 65,536 code points, made the PDF library fail) becomes □ and a control
	 * character is left out (issue 14).
	 */
	public static Paragraph paragraph(String text, Font font) {
		BaseFont base = font.getBaseFont();
		StringBuilder shown = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			boolean drawable = c <= 0xFFFF && (c == ' ' || (!Character.isISOControl(c) && base.charExists(c)));
			shown.append(drawable ? Character.toString(c) : Character.isISOControl(c) ? "" : "□");
		});
		return new Paragraph(shown.toString(), font);
	}

	/** A two-column table of labelled values, the full width of the page. */
	public static PdfPTable labelledTable() {
		PdfPTable table = new PdfPTable(new float[] { 1.2f, 3f });
		table.setWidthPercentage(100);
		return table;
	}

	/** One label and its value as a row of a {@link #labelledTable()}. */
	public static void row(PdfPTable table, String label, String value, Font font) {
		PdfPCell name = new PdfPCell(paragraph(label, font));
		name.setPadding(6);
		PdfPCell content = new PdfPCell(paragraph(value, font));
		content.setPadding(6);
		table.addCell(name);
		table.addCell(content);
	}

}
