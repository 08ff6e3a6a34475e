package org.chamberlink.benefit;

import java.util.List;

/**
 * What a merchant's till learns of a card code: valid or not, and why not in words it may show
 * (message key). Only a valid card names the member and organisations — never a phone or an
 * identity number; a code of a member outside the merchant's organisation answers exactly as a
 * forged one.
 *
 * @param code the code checked, for recording a use of this check
 */
public record CardCheck(boolean valid, String messageKey, String name, List<String> organisations, String code) {

	static CardCheck invalid(String messageKey, String code) {
		return new CardCheck(false, messageKey, null, List.of(), code);
	}

}
