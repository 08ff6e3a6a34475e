package org.chamberlink.member;

import java.time.DateTimeException;
import java.time.LocalDate;

/** GB 11643 resident identity card number: 17 digits (6 region, 8 birth date, 3 sequence) + ISO 7064 MOD 11-2 check. */
public final class IdentityCardNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private IdentityCardNumber() {
	}

	/** Upper-cased and trimmed, as stored and hashed. */
	public static String normalize(String value) {
		return value == null ? null : value.trim().toUpperCase();
	}

	/** @param today the date in China: a birth date after it is not valid */
	public static boolean isValid(String value, LocalDate today) {
		String number = normalize(value);
		if (number == null || !number.matches("\\d{17}[\\dX]")) {
			return false;
		}
		try {
			LocalDate born = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
					Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
			if (born.getYear() < 1900 || born.isAfter(today)) {
				return false;
			}
		}
		catch (DateTimeException notADate) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11) == number.charAt(17);
	}

	/**
	 * The holder's sex as the number says it (GB 11643: the 17th digit, odd for men, even for
	 * women); null when the number is not 18 characters.
	 */
	public static Gender gender(String value) {
		String number = normalize(value);
		if (number == null || number.length() != 18 || !Character.isDigit(number.charAt(16))) {
			return null;
		}
		return (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	/** The check character for 17 digits (tests and the data generator build valid numbers with it). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

}
