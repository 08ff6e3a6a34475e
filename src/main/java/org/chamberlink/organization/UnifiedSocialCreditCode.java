package org.chamberlink.organization;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) and its check
 * character. Social organisations such as registered chambers have codes starting with 5.
 */
public final class UnifiedSocialCreditCode {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private UnifiedSocialCreditCode() {
	}

	/** The 17 characters completed with their check character (the data generator and tests build codes so). */
	public static String complete(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return first17 + CHARSET.charAt((31 - sum % 31) % 31);
	}

	public static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CHARSET.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return code.charAt(17) == CHARSET.charAt(check);
	}

}
