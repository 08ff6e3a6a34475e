package org.chamberlink.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.chamberlink.shared.ChinaTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One row of the audit log as shown to administrators; {@code changes} is the JSON as stored. */
public record AuditRecord(long id, OffsetDateTime occurredAt, String actor, String remoteAddr, String requestId,
		String action, String entityType, String entityId, Long orgId, String summary, String changes) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One changed field, for history tables that show before and after side by side. */
	public record FieldChange(String field, String before, String after) {
	}

	/** When it happened, in China time: the offices read every time on their own clock. */
	public java.time.LocalDateTime occurredInChina() {
		return ChinaTime.of(occurredAt);
	}

	public List<FieldChange> fieldChanges() {
		List<FieldChange> list = new ArrayList<>();
		if (changes == null) {
			return list;
		}
		JsonNode root = JSON.readTree(changes);
		for (String field : root.propertyNames()) {
			JsonNode change = root.get(field);
			list.add(new FieldChange(field, text(change.get("before")), text(change.get("after"))));
		}
		return list;
	}

	private static String text(JsonNode value) {
		return value == null || value.isNull() ? "—" : value.asString();
	}

}
