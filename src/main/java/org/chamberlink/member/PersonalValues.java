package org.chamberlink.member;

import org.chamberlink.privacy.Masks;
import org.chamberlink.privacy.PersonalData;

/** An identity number or phone in every stored form: cipher, keyed hash, mask (and a phone's last four). */
record PersonalValues(byte[] cipher, byte[] hash, String masked, String last4) {

	static final PersonalValues NONE = new PersonalValues(null, null, null, null);

	static PersonalValues identityNumber(PersonalData data, String raw) {
		if (raw == null || raw.isBlank()) {
			return NONE;
		}
		String value = IdentityCardNumber.normalize(raw);
		return new PersonalValues(data.encrypt(value), data.hash("id:" + value), Masks.identityNumber(value), null);
	}

	static PersonalValues phone(PersonalData data, String raw) {
		if (raw == null || raw.isBlank()) {
			return NONE;
		}
		String value = MobilePhone.normalize(raw);
		return new PersonalValues(data.encrypt(value), data.hash("phone:" + value), Masks.phone(value),
				value.substring(value.length() - 4));
	}

}
