package org.chamberlink.welfare.web;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
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
import org.chamberlink.welfare.Donations.Receipt;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A donation certificate (捐赠证书) for the donor, as a PDF (A5 landscape), in Adobe's standard
 * STSong-Light like the dues receipt: no font file ships, the text stays searchable.
 */
@Component
class DonationCertificatePdf {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final MessageSource messages;

	DonationCertificatePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Receipt receipt, Locale locale) {
		try {
			BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(song, 20, Font.BOLD);
			Font text = new Font(song, 12);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A5.rotate(), 40, 40, 30, 30);
			PdfWriter.getInstance(document, out);
			document.addTitle(msg("welfare.certificate.title", locale) + " " + receipt.number());
			document.open();
			Paragraph heading = paragraph(msg("welfare.certificate.title", locale), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingAfter(12);
			document.add(heading);
			Paragraph number = paragraph(msg("welfare.certificate.number", locale) + " " + receipt.number(), text);
			number.setAlignment(Element.ALIGN_RIGHT);
			number.setSpacingAfter(8);
			document.add(number);
			document.add(paragraph(msg("welfare.certificate.body", locale, receipt.donorName(), receipt.campaignTitle()), text));
			PdfPTable table = new PdfPTable(new float[] { 1.2f, 3f });
			table.setWidthPercentage(100);
			table.setSpacingBefore(10);
			row(table, msg("welfare.certificate.money", locale), "¥" + receipt.money(), text);
			if (receipt.goodsFen() != 0) {
				row(table, msg("welfare.certificate.goods", locale), "¥" + receipt.goods(), text);
			}
			row(table, msg("welfare.certificate.receivedOn", locale), DAY.format(receipt.receivedOn()), text);
			document.add(table);
			Paragraph thanks = paragraph(msg("welfare.certificate.thanks", locale), text);
			thanks.setSpacingBefore(12);
			document.add(thanks);
			Paragraph issuer = paragraph(receipt.orgName() == null ? "" : receipt.orgName(), text);
			issuer.setAlignment(Element.ALIGN_RIGHT);
			issuer.setSpacingBefore(16);
			document.add(issuer);
			document.close();
			return out.toByteArray();
		}
		catch (java.io.IOException | com.lowagie.text.DocumentException e) {
			throw new IllegalStateException("Certificate " + receipt.number() + " could not be rendered", e);
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

	/** What the font can draw; any other character becomes □ (as on the dues receipt, issue 14). */
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
