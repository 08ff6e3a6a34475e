package org.chamberlink.dues.web;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.chamberlink.dues.Receipt;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * A receipt as a PDF (A5 landscape). Chinese text uses Adobe's standard STSong-Light with the
 * UniGB-UCS2-H encoding, which every PDF reader maps to a Song typeface on its own system: no font
 * file has to ship with the application, and the text stays searchable and copyable.
 */
@Component
class ReceiptPdf {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final MessageSource messages;

	ReceiptPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Receipt receipt, Locale locale) {
		try {
			BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(song, 18, Font.BOLD);
			Font text = new Font(song, 11);
			Font small = new Font(song, 9);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A5.rotate(), 36, 36, 30, 30);
			PdfWriter.getInstance(document, out);
			document.addTitle(msg("receipt.title", locale) + " " + receipt.number());
			document.open();
			Paragraph heading = paragraph(receipt.orgName() + " " + msg("receipt.title", locale), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			document.add(heading);
			Paragraph number = paragraph(msg("receipt.number", locale) + " " + receipt.number()
					+ (receipt.reversed() ? "  " + msg("receipt.reversed", locale) : ""), text);
			number.setAlignment(Element.ALIGN_RIGHT);
			number.setSpacingAfter(8);
			document.add(number);
			PdfPTable table = new PdfPTable(new float[] { 1.2f, 3f });
			table.setWidthPercentage(100);
			row(table, msg("receipt.payer", locale), receipt.partyName(), text);
			row(table, msg("receipt.item", locale), msg("receipt.itemValue", locale, receipt.year(),
					msg("memberRole." + receipt.role(), locale)), text);
			row(table, msg("receipt.amountInWords", locale), receipt.amountInWords(), text);
			row(table, msg("receipt.amount", locale), "¥" + receipt.amount(), text);
			row(table, msg("receipt.method", locale), msg("paymentMethod." + receipt.method(), locale)
					+ (receipt.reference() == null ? "" : "（" + receipt.reference() + "）"), text);
			row(table, msg("receipt.paidOn", locale), DAY.format(receipt.paidOn()), text);
			if (receipt.creditFen() > 0) {
				row(table, msg("receipt.credit", locale), "¥" + receipt.credit(), text);
			}
			document.add(table);
			PdfPTable footer = new PdfPTable(2);
			footer.setWidthPercentage(100);
			footer.setSpacingBefore(12);
			PdfPCell recorder = new PdfPCell(paragraph(msg("receipt.recordedBy", locale, receipt.recordedByName()), small));
			recorder.setBorder(0);
			PdfPCell issuer = new PdfPCell(paragraph(msg("receipt.issuer", locale, receipt.orgName()), small));
			issuer.setBorder(0);
			issuer.setHorizontalAlignment(Element.ALIGN_RIGHT);
			footer.addCell(recorder);
			footer.addCell(issuer);
			document.add(footer);
			document.close();
			return out.toByteArray();
		}
		catch (java.io.IOException | com.lowagie.text.DocumentException e) {
			throw new IllegalStateException("Receipt " + receipt.number() + " could not be rendered", e);
		}
	}

	private static void row(PdfPTable table, String label, String value, Font font) {
		PdfPCell name = new PdfPCell(paragraph(label, font));
		name.setPadding(6);
		PdfPCell content = new PdfPCell(paragraph(value, font));
		content.setPadding(6);
		table.addCell(name);
		table.addCell(content);
	}

	/**
	 * A paragraph of what the font can draw: a character it does not have (an emoji in a member's
	 * name, beyond the font's 65,536 code points, made the PDF library fail) and a control
	 * character become □ (issue 14).
	 */
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
