package org.chamberlink.dues;

/**
 * The amount in Chinese capital numerals (大写金额), as receipts carry it: 10,500.00 →
 * 壹万零伍佰元整, 1,200.30 → 壹仟贰佰元叁角整, 0.05 → 伍分.
 */
public final class ChineseAmount {

	private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();

	private static final String[] SMALL_UNITS = { "", "拾", "佰", "仟" };

	private static final String[] BIG_UNITS = { "", "万", "亿", "万亿" };

	private ChineseAmount() {
	}

	public static String of(long fen) {
		if (fen < 0) {
			return "负" + of(-fen);
		}
		long yuan = fen / 100;
		int jiao = (int) (fen / 10 % 10);
		int cents = (int) (fen % 10);
		StringBuilder text = new StringBuilder();
		if (yuan > 0) {
			text.append(integer(yuan)).append('元');
		}
		if (jiao == 0 && cents == 0) {
			return (yuan == 0 ? "零元" : text.toString()) + "整";
		}
		if (jiao > 0) {
			text.append(DIGITS[jiao]).append('角');
		}
		else if (yuan > 0) {
			text.append('零');
		}
		if (cents > 0) {
			text.append(DIGITS[cents]).append('分');
		}
		else {
			text.append('整');
		}
		return text.toString();
	}

	private static String integer(long value) {
		int[] groups = new int[BIG_UNITS.length];
		int highest = 0;
		for (int g = 0; value > 0; g++, value /= 10000) {
			groups[g] = (int) (value % 10000);
			highest = g;
		}
		StringBuilder text = new StringBuilder();
		boolean zeroBetween = false;
		for (int g = highest; g >= 0; g--) {
			if (groups[g] == 0) {
				zeroBetween = !text.isEmpty();
				continue;
			}
			if (!text.isEmpty() && (zeroBetween || groups[g] < 1000)) {
				text.append('零');
			}
			text.append(fourDigits(groups[g])).append(BIG_UNITS[g]);
			zeroBetween = false;
		}
		return text.toString();
	}

	private static String fourDigits(int part) {
		StringBuilder text = new StringBuilder();
		boolean zero = false;
		for (int position = 3, scale = 1000; position >= 0; position--, scale /= 10) {
			int digit = part / scale % 10;
			if (digit == 0) {
				zero = !text.isEmpty();
				continue;
			}
			if (zero) {
				text.append('零');
				zero = false;
			}
			text.append(DIGITS[digit]).append(SMALL_UNITS[position]);
		}
		return text.toString();
	}

}
