package org.chamberlink.web;

import java.util.List;
import java.util.Optional;

/**
 * What a module offers the pickers of its records, beside its own search endpoint under
 * {@code /pick/…}: the label of a value already chosen, so that a form drawn again (refused, or
 * opened with a value) shows the name and not the code, and what a page without script offers.
 * Modules declare these as beans; {@link Picks} finds them by {@link #name()}. Each answers within
 * the caller's data scope: a value outside it has no label, as if it did not exist.
 */
public interface PickSource {

	/** The picker's name, the last segment of its search endpoint: {@code regions} for {@code /pick/regions}. */
	String name();

	/** The choice a value stands for, if it exists and lies within the caller's scope. */
	Optional<Pick> chosen(String value);

	/**
	 * The choices a page without script offers in a select; empty when such a page takes the code
	 * or id typed instead (regions, accounts). {@code value} is the value chosen so far, offered too.
	 */
	default List<Pick> withoutScript(String value) {
		return List.of();
	}

}
