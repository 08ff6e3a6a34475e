package org.chamberlink.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The pickers' sources by name, for fragments/picker.html ({@code ${@picks.chosen('regions', code)}}):
 * the label of the value a form holds, and the select a page without script shows.
 */
@Component("picks")
public class Picks {

	private final Map<String, PickSource> sources;

	Picks(List<PickSource> sources) {
		this.sources = sources.stream().collect(Collectors.toMap(PickSource::name, Function.identity()));
	}

	/** The choice {@code value} stands for, or null when it is blank, unknown or outside the caller's scope. */
	public Pick chosen(String source, Object value) {
		String text = value == null ? "" : value.toString().strip();
		return text.isEmpty() ? null : source(source).chosen(text).orElse(null);
	}

	/** The select's choices for a page without script; empty for a plain input. */
	public List<Pick> withoutScript(String source, Object value) {
		return source(source).withoutScript(value == null ? "" : value.toString().strip());
	}

	/** The choice among {@code options} (a page's own list) that {@code value} stands for, or null. */
	public Pick among(List<Pick> options, Object value) {
		String text = value == null ? "" : value.toString().strip();
		return options == null ? null
				: options.stream().filter(option -> option.value().equals(text)).findFirst().orElse(null);
	}

	private PickSource source(String name) {
		PickSource source = sources.get(name);
		if (source == null) {
			throw new IllegalArgumentException("no picker source " + name);
		}
		return source;
	}

}
