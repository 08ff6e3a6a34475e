package org.chamberlink.privacy;

/** How personal data is shown when not revealed: {@code 110105********1234}, {@code 138****5678}. */
public final class Masks {

	private Masks() {
	}

	public static String identityNumber(String value) {
		if (value == null) {
			return null;
		}
		return value.length() <= 10 ? "*".repeat(value.length())
				: value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
	}

	public static String phone(String value) {
		if (value == null) {
			return null;
		}
		return value.length() < 8 ? "*".repeat(value.length())
				: value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}

}
