package org.chamberlink.honour;

import java.security.SecureRandom;

/**
 * Certificate numbers: 16 random characters of an alphabet without look-alikes (about 80 bits),
 * grouped by four after the prefix {@code RY}: {@code RY-7KQ4-M2XH-9TWD-C3PA}. No number is a
 * guess away from another; an unknown number answers as nothing.
 */
final class CertificateNumbers {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateNumbers() {
	}

	static String next() {
		StringBuilder number = new StringBuilder("RY");
		for (int i = 0; i < 16; i++) {
			if (i % 4 == 0) {
				number.append('-');
			}
			number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return number.toString();
	}

	/** Whether the text has a certificate number's shape (checked before any query). */
	static boolean wellFormed(String text) {
		return text != null && text.matches("RY(-[2-9A-HJKMNP-Z]{4}){4}");
	}

}
