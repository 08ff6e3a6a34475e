package org.chamberlink.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One field's value before and after an update.
 *
 * @param before the old value, null when the field was empty
 * @param after the new value, null when the field was cleared
 */
public record Change(Object before, Object after) {

	/**
	 * The fields whose values differ between two snapshots of a record, in the order of
	 * {@code after}. Snapshots are plain maps of field name to value, so each module decides which
	 * fields are worth recording (and leaves out secrets such as password hashes).
	 */
	public static Map<String, Change> between(Map<String, ?> before, Map<String, ?> after) {
		Map<String, Change> changes = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			Object old = before.get(field);
			if (!Objects.equals(old, value)) {
				changes.put(field, new Change(old, value));
			}
		});
		before.forEach((field, old) -> {
			if (!after.containsKey(field) && old != null) {
				changes.put(field, new Change(old, null));
			}
		});
		return changes;
	}

}
