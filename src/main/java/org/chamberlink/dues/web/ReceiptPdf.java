package org.chamberlink.dues.web;

import java.io.ByteArrayOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.chamberlink.dues.Receipt;

import org.chamberlink.shared.ChinesePdf;

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

	private final MessageSource messages;

	ReceiptPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Receipt receipt, Locale locale) {
		try {
			Font title = ChinesePdf.font(18, Font.BOLD);
			Font text = ChinesePdf.font(11, Font.NORMAL);
			Font small = ChinesePdf.font(9, Font.NORMAL);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A5.rotate(), 36, 36, 30, 30);
			PdfWriter.getInstance(document, out);
			document.addTitle(msg("receipt.title", locale) + " " + receipt.number());
			document.open();
			Paragraph heading = ChinesePdf.paragraph(receipt.orgName() + " " + msg("receipt.title", locale), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			document.add(heading);
			Paragraph number = ChinesePdf.paragraph(msg("receipt.number", locale) + " " + receipt.number()
					+ (receipt.reversed() ? "  " + msg("receipt.reversed", locale) : ""), text);
			number.setAlignment(Element.ALIGN_RIGHT);
			number.setSpacingAfter(8);
			document.add(number);
			PdfPTable table = ChinesePdf.labelledTable();
			ChinesePdf.row(table, msg("receipt.payer", locale), receipt.partyName(), text);
			ChinesePdf.row(table, msg("receipt.item", locale), msg("receipt.itemValue", locale, receipt.year(),
					msg("memberRole." + receipt.role(), locale)), text);
			ChinesePdf.row(table, msg("receipt.amountInWords", locale), receipt.amountInWords(), text);
			ChinesePdf.row(table, msg("receipt.amount", locale), "¥" + receipt.amount(), text);
			ChinesePdf.row(table, msg("receipt.method", locale), msg("paymentMethod." + receipt.method(), locale)
					+ (receipt.reference() == null ? "" : "（" + receipt.reference() + "）"), text);
			ChinesePdf.row(table, msg("receipt.paidOn", locale), ChinesePdf.DAY.format(receipt.paidOn()), text);
			if (receipt.creditFen() > 0) {
				ChinesePdf.row(table, msg("receipt.credit", locale), "¥" + receipt.credit(), text);
			}
			document.add(table);
			PdfPTable footer = new PdfPTable(2);
			footer.setWidthPercentage(100);
			footer.setSpacingBefore(12);
			PdfPCell recorder = new PdfPCell(ChinesePdf.paragraph(msg("receipt.recordedBy", locale, receipt.recordedByName()), small));
			recorder.setBorder(0);
			PdfPCell issuer = new PdfPCell(ChinesePdf.paragraph(msg("receipt.issuer", locale, receipt.orgName()), small));
			issuer.setBorder(0);
			issuer.setHorizontalAlignment(Element.ALIGN_RIGHT);
			footer.addCell(recorder);
			footer.addCell(issuer);
			document.add(footer);
			document.close();
			return out.toByteArray();
		}
		catch (com.lowagie.text.DocumentException e) {
			throw new IllegalStateException("Receipt " + receipt.number() + " could not be rendered", e);
		}
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
