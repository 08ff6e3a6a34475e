package org.chamberlink.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is kept in fen (分) as a long. Parsing accepts yuan with at most two decimals as people
 * type it (500, 1,200.5 or ¥300.00); anything else is refused rather than rounded.
 */
public final class Fen {

	private static final long MAX = 100_000_000_000L; // ¥1,000,000,000.00

	private Fen() {
	}

	/** The amount in fen, or null when the text is not a non-negative yuan amount with at most two decimals. */
	public static Long parse(String yuan) {
		if (yuan == null) {
			return null;
		}
		String text = yuan.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "");
		if (!text.matches("\\d{1,10}(\\.\\d{1,2})?")) {
			return null;
		}
		long fen = new BigDecimal(text).movePointRight(2).longValueExact();
		return fen > MAX ? null : fen;
	}

	/** With thousands separators and two decimals: 1,234.50. */
	public static String format(long fen) {
		return String.format(java.util.Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen).movePointLeft(2));
	}

	public static BigDecimal yuan(long fen) {
		return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
	}

}
