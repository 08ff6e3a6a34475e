package org.chamberlink.identity;

import java.security.SecureRandom;

/**
 * Random initial passwords (first administrator, new accounts, demo accounts): letters and
 * digits without look-alikes (0/O, 1/l/I), always acceptable to the password policy.
 */
public final class InitialPasswords {

	private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private InitialPasswords() {
	}

	/** A password of {@code length} (at least 10) characters with letters and at least two digits. */
	public static String generate(int length) {
		String alphabet = LETTERS + DIGITS;
		char[] password = new char[Math.max(length, PasswordPolicy.MIN_LENGTH)];
		for (int i = 0; i < password.length; i++) {
			password[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
		}
		// A random draw may lack a letter or a digit; place them at distinct random positions.
		int letterAt = RANDOM.nextInt(password.length);
		int digitAt = (letterAt + 1 + RANDOM.nextInt(password.length - 1)) % password.length;
		password[letterAt] = LETTERS.charAt(RANDOM.nextInt(LETTERS.length()));
		password[digitAt] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
		return new String(password);
	}

}
