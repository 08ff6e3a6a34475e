package org.chamberlink.shared;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Photos uploaded with records (an activity's minutes, a project's progress report): what kind of
 * image the bytes really are, whatever the file's name or the browser says, and a small JPEG to show
 * in lists, made once at upload.
 */
public final class Photos {

	/** The longer side of a thumbnail, in pixels. */
	public static final int THUMBNAIL = 320;

	private Photos() {
	}

	/** The image type the content's first bytes show, for the four kinds every browser displays. */
	public static Optional<String> imageType(byte[] content) {
		if (starts(content, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(content, 0, 'G', 'I', 'F', '8') && content.length > 5 && (content[4] == '7' || content[4] == '9')
				&& content[5] == 'a') {
			return Optional.of("image/gif");
		}
		if (starts(content, 0, 'R', 'I', 'F', 'F') && starts(content, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] content, int offset, int... expected) {
		if (content.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((content[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A JPEG at most {@link #THUMBNAIL} px on its longer side, or null where the JDK cannot read the
	 * image (WebP) or it is broken: the page then shows the photo itself, scaled. The image is read
	 * subsampled, so a photo of 8,000 × 6,000 px never needs its full size in memory.
	 */
	public static byte[] thumbnail(byte[] content) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0) {
					return null;
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (THUMBNAIL * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage read = reader.read(0, param);
				double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(read.getWidth(), read.getHeight()));
				int w = Math.max(1, (int) Math.round(read.getWidth() * scale));
				int h = Math.max(1, (int) Math.round(read.getHeight() * scale));
				BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = small.createGraphics();
				try {
					g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
					// a transparent PNG on white, as the page's background
					g.setColor(Color.WHITE);
					g.fillRect(0, 0, w, h);
					g.drawImage(read, 0, 0, w, h, null);
				}
				finally {
					g.dispose();
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				return ImageIO.write(small, "jpg", out) ? out.toByteArray() : null;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

}
