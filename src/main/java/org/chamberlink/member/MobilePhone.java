package org.chamberlink.member;

/** A mainland mobile number: 11 digits starting 13–19; spaces, dashes and a +86 prefix are tolerated. */
public final class MobilePhone {

	private MobilePhone() {
	}

	public static String normalize(String value) {
		if (value == null) {
			return null;
		}
		String digits = value.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return digits;
	}

	public static boolean isValid(String value) {
		String phone = normalize(value);
		return phone != null && phone.matches("1[3-9]\\d{9}");
	}

}
