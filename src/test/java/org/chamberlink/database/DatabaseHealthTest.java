package org.chamberlink.database;

import java.time.Duration;

import javax.sql.DataSource;

import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's health check (issue 23) against the real PostgreSQL: UP with the time it took;
 * slower than its threshold is DEGRADED (here a threshold of nothing, so any answer is slow) — the
 * instance serves, an operator sees it. DOWN within the pool's timeout when no connection comes is
 * proven by DatabaseOutageWebTest.
 */
@IntegrationTest
class DatabaseHealthTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	DatabaseHealth health;

	@Test
	void upWithTheTimeTakenAndDegradedWhenSlowerThanItsThreshold() {
		Health up = health.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsKeys("tookMillis", "slowAfterMillis");

		Health slow = new DatabaseHealth(dataSource, Duration.ZERO, Duration.ofSeconds(2)).health();
		assertThat(slow.getStatus().getCode()).isEqualTo("DEGRADED");
		assertThat(slow.getDetails()).containsEntry("slowAfterMillis", 0L);
	}

}
