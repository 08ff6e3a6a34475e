package org.chamberlink.activity.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The check-in page's address for an activity's code, and its QR code as a PNG. */
final class CheckInQr {

	private static final int SIZE = 480;

	private CheckInQr() {
	}

	/** The check-in page's address as this request reached the server (behind a proxy: its forwarded host). */
	static String url(Long activityId, String code) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/checkin/{id}")
			.queryParam("code", code)
			.buildAndExpand(activityId)
			.toUriString();
	}

	static byte[] png(String content) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE,
					Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION,
							ErrorCorrectionLevel.M));
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (WriterException e) {
			throw new IllegalStateException("QR code of " + content, e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
