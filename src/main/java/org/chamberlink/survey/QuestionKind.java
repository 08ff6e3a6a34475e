package org.chamberlink.survey;

/** What a question asks for: one choice, several choices, a rating from 1 to 5, or free text. */
public enum QuestionKind {

	SINGLE, MULTIPLE, RATING, TEXT;

	public boolean hasOptions() {
		return this == SINGLE || this == MULTIPLE;
	}

}
