package org.chamberlink.web;

import org.chamberlink.shared.RuleViolationException;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/**
 * Turns a business rule's refusal into an error of the form being re-rendered (decision 25), so a
 * rule and a field's constraint look the same to the user: the message on the field it names.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * The rule's message on its field; a rule that names no field, or one this form does not have
	 * (a rule shared by the API and several forms), becomes a message of the whole form.
	 */
	public static void reject(BindingResult result, RuleViolationException e) {
		if (e.field() == null || e.field().isBlank()) {
			result.reject(e.messageKey(), e.arguments(), null);
			return;
		}
		try {
			result.rejectValue(e.field(), e.messageKey(), e.arguments(), null);
		}
		catch (NotReadablePropertyException notOnThisForm) {
			result.reject(e.messageKey(), e.arguments(), null);
		}
	}

}
