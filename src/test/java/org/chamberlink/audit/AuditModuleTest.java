package org.chamberlink.audit;

import java.util.Map;

import org.chamberlink.support.ModuleTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit module alone: a recorded change is found again, and the log refuses to be edited. */
@ModuleTest
class AuditModuleTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRecordedChangeIsFoundByItsEntityAndTheRowCannotBeChanged() {
		String entityId = "m" + System.nanoTime();
		trail.record(AuditEntry.of("UPDATE").entity("ModuleTestEntity", entityId).summary("名称已修改")
			.changes(Map.of("name", new Change("旧名", "新名"))).by("module-test"));

		var found = trail.search(new AuditFilter(null, null, "ModuleTestEntity", entityId, null, null),
				PageRequest.of(0, 10));
		assertThat(found.getContent()).singleElement().satisfies(row -> assertThat(row.summary()).isEqualTo("名称已修改"));
		assertThatThrownBy(() -> jdbc.sql("update audit_log set summary = 'x' where entity_id = :id")
			.param("id", entityId).update()).hasMessageContaining("append-only");
	}

}
