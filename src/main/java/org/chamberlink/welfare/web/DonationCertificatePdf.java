package org.chamberlink.welfare.web;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.chamberlink.welfare.DonationReceipts.Receipt;

import org.chamberlink.shared.ChinesePdf;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A donation certificate (捐赠证书) for the donor, as a PDF (A5 landscape), in Adobe's standard
 * STSong-Light like the dues receipt: no font file ships, the text stays searchable.
 */
@Component
class DonationCertificatePdf {

	private final MessageSource messages;

	DonationCertificatePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Receipt receipt, Locale locale) {
		try {
			Font title = ChinesePdf.font(20, Font.BOLD);
			Font text = ChinesePdf.font(12, Font.NORMAL);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A5.rotate(), 40, 40, 30, 30);
			PdfWriter.getInstance(document, out);
			document.addTitle(msg("welfare.certificate.title", locale) + " " + receipt.number());
			document.open();
			Paragraph heading = ChinesePdf.paragraph(msg("welfare.certificate.title", locale), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingAfter(12);
			document.add(heading);
			Paragraph number = ChinesePdf.paragraph(msg("welfare.certificate.number", locale) + " " + receipt.number(), text);
			number.setAlignment(Element.ALIGN_RIGHT);
			number.setSpacingAfter(8);
			document.add(number);
			document.add(ChinesePdf.paragraph(msg("welfare.certificate.body", locale, receipt.donorName(), receipt.campaignTitle()), text));
			PdfPTable table = ChinesePdf.labelledTable();
			table.setSpacingBefore(10);
			ChinesePdf.row(table, msg("welfare.certificate.money", locale), "¥" + receipt.money(), text);
			if (receipt.goodsFen() != 0) {
				ChinesePdf.row(table, msg("welfare.certificate.goods", locale), "¥" + receipt.goods(), text);
			}
			ChinesePdf.row(table, msg("welfare.certificate.receivedOn", locale), ChinesePdf.DAY.format(receipt.receivedOn()), text);
			document.add(table);
			Paragraph thanks = ChinesePdf.paragraph(msg("welfare.certificate.thanks", locale), text);
			thanks.setSpacingBefore(12);
			document.add(thanks);
			Paragraph issuer = ChinesePdf.paragraph(receipt.orgName() == null ? "" : receipt.orgName(), text);
			issuer.setAlignment(Element.ALIGN_RIGHT);
			issuer.setSpacingBefore(16);
			document.add(issuer);
			document.close();
			return out.toByteArray();
		}
		catch (com.lowagie.text.DocumentException e) {
			throw new IllegalStateException("Certificate " + receipt.number() + " could not be rendered", e);
		}
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
