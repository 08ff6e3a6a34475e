package org.chamberlink.audit;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.support.IntegrationTest;
import org.chamberlink.shared.ChinaTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
@Tag("database")
class AuditTrailTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anEntryRollsBackWithTheChangeItDescribes() {
		String id = "rolled-back-" + System.nanoTime();
		transactions.executeWithoutResult(status -> {
			audit.record(AuditEntry.of(AuditAction.UPDATE).entity("Chamber", id).by("tester"));
			status.setRollbackOnly();
		});
		assertThat(audit.search(new AuditFilter(null, null, "Chamber", id, null, null), PageRequest.of(0, 10)))
			.isEmpty();
	}

	@Test
	void recordsBeforeAndAfterValuesOfAnUpdate() {
		String id = "chamber-" + System.nanoTime();
		var changes = Change.between(Map.of("name", "城关镇商会", "staff", 2), Map.of("name", "城关镇商会", "staff", 3));
		audit.record(AuditEntry.of(AuditAction.UPDATE).entity("Chamber", id).changes(changes).by("secretary"));

		var found = audit.search(new AuditFilter("secretary", AuditAction.UPDATE, "Chamber", id,
				LocalDate.now(ChinaTime.ZONE), LocalDate.now(ChinaTime.ZONE)), PageRequest.of(0, 10));
		assertThat(found.getTotalElements()).isEqualTo(1);
		assertThat(found.getContent().get(0).changes()).isEqualTo("{\"staff\": {\"after\": 3, \"before\": 2}}");
	}

	@Test
	void aSummaryFromTheBundlesIsWrittenInChineseWithItsValues() {
		String id = "summary-" + System.nanoTime();
		audit.record(AuditEntry.of(AuditAction.UPDATE).entity("Chamber", id)
			.summary("audit.summary.membership", 1480L, "城关镇商会").by("secretary"));
		var found = audit.search(new AuditFilter("secretary", null, "Chamber", id, null, null), PageRequest.of(0, 10));
		// an id is not a number to group: #1480, not #1,480
		assertThat(found.getContent().get(0).summary()).isEqualTo("会籍 #1480（城关镇商会）");
	}

	@Test
	void theLogIsAppendOnlyInTheDatabaseItself() {
		audit.record(AuditEntry.of(AuditAction.CREATE).entity("Thing", "append-only").by("tester"));
		assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'forger' where entity_id = 'append-only'")
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_log where entity_id = 'append-only'").update())
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	void changeListsOnlyTheFieldsThatDiffer() {
		assertThat(Change.between(Map.of("a", 1, "b", "x"), Map.of("a", 1, "b", "y", "c", true)))
			.containsOnlyKeys("b", "c")
			.containsEntry("b", new Change("x", "y"))
			.containsEntry("c", new Change(null, true));
	}

}
