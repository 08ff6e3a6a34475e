package org.chamberlink.survey;

import java.util.List;

/** A stored question; its options named by position. */
public record QuestionView(Long id, int position, QuestionKind kind, String text, boolean required, List<String> options) {

	/** The form field a member's answer comes in. */
	public String field() {
		return "q" + id;
	}

}
