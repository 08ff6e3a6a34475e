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
import com.lowagie.text.ImgRaw;
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

	/** Device pixels per QR module: enough for a camera or a scanner to read the printed code, few enough to stay small. */
	private static final int PIXELS_PER_MODULE = 4;

	/**
	 * The code's settings; the mask pattern is fixed (any of the eight is valid, a reader tries each)
	 * so the encoder does not score all eight on every page — most of a certificate's time.
	 */
	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1,
			EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.QR_MASK_PATTERN, 2);

	/**
	 * The QR code as a raw 1-bit image, four pixels a module (about 150 × 150, 3 KB before the
	 * writer's flate), without a PNG round trip: its modules drawn straight into the bits, so 10,000
	 * pages cost little (an 8-bit 240 × 240 image cost 57 KB of deflating a page).
	 */
	static Image qr(String content) {
		try {
			// the smallest matrix (a module a cell, the margin included), scaled here to whole pixels
			BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
					HINTS);
			int modules = matrix.getWidth();
			int width = modules * PIXELS_PER_MODULE;
			int rowBytes = (width + 7) / 8;
			byte[] bits = new byte[rowBytes * width];
			// 1 is white in DeviceGray: start white, clear the dark modules' bits
			java.util.Arrays.fill(bits, (byte) 0xFF);
			for (int my = 0; my < modules; my++) {
				for (int mx = 0; mx < modules; mx++) {
					if (!matrix.get(mx, my)) {
						continue;
					}
					for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
						int row = (my * PIXELS_PER_MODULE + dy) * rowBytes;
						for (int dx = 0; dx < PIXELS_PER_MODULE; dx++) {
							int x = mx * PIXELS_PER_MODULE + dx;
							bits[row + x / 8] &= (byte) ~(0x80 >>> (x % 8));
						}
					}
				}
			}
			// a raw image (Image.getInstance would CCITT-encode a 1-bit one, which costs more than the writer's flate)
			Image image = new ImgRaw(width, width, 1, 1, bits);
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
