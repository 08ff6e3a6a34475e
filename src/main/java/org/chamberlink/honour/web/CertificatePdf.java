package org.chamberlink.honour.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.chamberlink.honour.Award;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Honour certificates (荣誉证书), A4 landscape, Chinese layout in Adobe's STSong-Light (no font ships
 * with the application, as on the sign-in sheet): the awardee and their organisation, the honour
 * with its cycle and level, the awarding organisation and the date in Chinese, the certificate
 * number, and a QR code of the public verification page. Several awards make one merged PDF, one
 * page each, for printing.
 */
@Component
class CertificatePdf {

	private final MessageSource messages;

	CertificatePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(List<Award> awards, Function<String, String> verificationUrl, Locale locale) {
		try {
			BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(song, 40, Font.BOLD);
			Font body = new Font(song, 18);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4.rotate(), 72, 72, 60, 60);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(msg("honour.certificate.title", locale));
			document.open();
			boolean first = true;
			for (Award award : awards) {
				if (!first) {
					document.newPage();
				}
				first = false;
				PdfContentByte canvas = writer.getDirectContentUnder();
				Rectangle page = document.getPageSize();
				canvas.setRGBColorStroke(0xB0, 0x1E, 0x23);
				canvas.setLineWidth(6);
				canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
				canvas.stroke();
				Paragraph heading = new Paragraph(msg("honour.certificate.title", locale), title);
				heading.setAlignment(Element.ALIGN_CENTER);
				heading.setSpacingAfter(30);
				document.add(heading);
				Paragraph who = new Paragraph(msg("honour.certificate.to", locale, award.awardeeName(), award.awardeeOrgName()), body);
				who.setSpacingAfter(14);
				document.add(who);
				Paragraph what = new Paragraph(msg("honour.certificate.body", locale, award.cycle(),
						msg("honour.level." + award.level(), locale), award.programmeName()), body);
				what.setFirstLineIndent(36);
				what.setLeading(32);
				what.setSpacingAfter(40);
				document.add(what);
				Paragraph by = new Paragraph(award.awardingOrgName(), body);
				by.setAlignment(Element.ALIGN_RIGHT);
				document.add(by);
				Paragraph date = new Paragraph(chineseDate(award), body);
				date.setAlignment(Element.ALIGN_RIGHT);
				document.add(date);
				Image qr = qr(verificationUrl.apply(award.certificateNumber()));
				qr.scaleAbsolute(96, 96);
				qr.setAbsolutePosition(56, 48);
				document.add(qr);
				PdfContentByte text = writer.getDirectContent();
				text.beginText();
				text.setFontAndSize(song, 10);
				text.setTextMatrix(160, 90);
				text.showText(msg("honour.certificate.number", locale, award.certificateNumber()));
				text.setTextMatrix(160, 74);
				text.showText(msg("honour.certificate.verify", locale));
				text.endText();
			}
			document.close();
			return out.toByteArray();
		}
		catch (IOException | DocumentException e) {
			throw new IllegalStateException("Certificates could not be rendered", e);
		}
	}

	private static String chineseDate(Award award) {
		return award.awardedOn().getYear() + "年" + award.awardedOn().getMonthValue() + "月" + award.awardedOn().getDayOfMonth() + "日";
	}

	/** The QR code as a raw 8-bit grey image (flate-compressed by the writer), without a PNG round trip: quick for 10,000 pages. */
	static Image qr(String content) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION,
							ErrorCorrectionLevel.M));
			int width = matrix.getWidth();
			int height = matrix.getHeight();
			byte[] grey = new byte[width * height];
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					grey[y * width + x] = matrix.get(x, y) ? 0 : (byte) 0xFF;
				}
			}
			Image image = Image.getInstance(width, height, 1, 8, grey);
			image.setDeflated(false);
			return image;
		}
		catch (WriterException | com.lowagie.text.BadElementException e) {
			throw new IllegalStateException("QR code of " + content, e);
		}
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
