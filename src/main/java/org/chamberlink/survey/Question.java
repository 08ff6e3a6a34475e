package org.chamberlink.survey;

import java.util.List;

/**
 * A question as the builder sends it.
 *
 * @param options the choices of a single- or multiple-choice question, in order (others: none)
 */
public record Question(QuestionKind kind, String text, boolean required, List<String> options) {

	public Question {
		options = options == null ? List.of() : options.stream().filter(java.util.Objects::nonNull).map(String::strip)
			.filter(o -> !o.isEmpty()).toList();
	}

}
