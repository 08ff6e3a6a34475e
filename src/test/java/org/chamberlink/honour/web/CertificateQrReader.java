package org.chamberlink.honour.web;

import java.util.ArrayList;
import java.util.List;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PRStream;

/** Reads the QR codes printed on a certificate PDF, as a phone's camera would: the image's pixels decoded by ZXing. */
final class CertificateQrReader {

	private CertificateQrReader() {
	}

	static List<String> read(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < reader.getXrefSize(); i++) {
			PdfObject object = reader.getPdfObject(i);
			if (!(object instanceof PRStream stream) || !PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
				continue;
			}
			int width = ((PdfNumber) stream.get(PdfName.WIDTH)).intValue();
			int height = ((PdfNumber) stream.get(PdfName.HEIGHT)).intValue();
			int bits = ((PdfNumber) stream.get(PdfName.BITSPERCOMPONENT)).intValue();
			byte[] data = PdfReader.getStreamBytes(stream);
			boolean indexed = stream.get(PdfName.COLORSPACE) != null && stream.get(PdfName.COLORSPACE).isArray();
			int[] pixels = new int[width * height];
			int rowBytes = (width * bits + 7) / 8;
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					int value;
					if (bits == 1) {
						value = (data[y * rowBytes + x / 8] >> (7 - x % 8)) & 1;
						value = value == 1 ? 255 : 0;
					}
					else {
						value = data[y * rowBytes + x] & 0xFF;
					}
					pixels[y * width + x] = 0xFF000000 | (value << 16) | (value << 8) | value;
				}
			}
			BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
			try {
				codes.add(new QRCodeReader().decode(bitmap).getText());
			}
			catch (com.google.zxing.NotFoundException inverted) {
				// an indexed 1-bit image may map 1 to black: try the negative
				for (int p = 0; p < pixels.length; p++) {
					pixels[p] = 0xFF000000 | (~pixels[p] & 0xFFFFFF);
				}
				codes.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height,
						pixels)))).getText());
			}
			if (indexed && codes.isEmpty()) {
				throw new IllegalStateException("no QR code");
			}
		}
		reader.close();
		return codes;
	}

}
