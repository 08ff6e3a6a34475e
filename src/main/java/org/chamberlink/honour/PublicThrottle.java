package org.chamberlink.honour;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public honour pages' throttle (verification, notice, objection form): hits per address and
 * minute counted in the database, as the login throttle counts failures (decision 0005), so every
 * instance sees the same counts. Over the limit a page answers 429 and reveals nothing.
 */
@Component
public class PublicThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int perMinute;

	PublicThrottle(JdbcClient jdbc, Clock clock, @Value("${chamberlink.honour.public-hits-per-minute:60}") int perMinute) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.perMinute = perMinute;
	}

	/** Counts the hit; false when the address has passed the minute's limit. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean allow(String page, String address) {
		// a hit's count need not survive a crash (at worst an address gets a few more hits after a restart): its commit does
		// not wait for the WAL to reach the disk, which was most of a public page's time on a busy machine
		jdbc.sql("set local synchronous_commit = off").update();
		Instant now = clock.instant();
		OffsetDateTime window = now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
		int hits = jdbc.sql("""
				insert into honour_public_hit (hit_key, window_start, hits) values (:key, :window, 1)
				on conflict (hit_key, window_start) do update set hits = honour_public_hit.hits + 1
				returning hits
				""")
			.param("key", (page + ":" + address).substring(0, Math.min(80, (page + ":" + address).length())))
			.param("window", window)
			.query(Integer.class)
			.single();
		if (hits == 1) {
			jdbc.sql("delete from honour_public_hit where window_start < :old")
				.param("old", window.minusMinutes(10))
				.update();
		}
		return hits <= perMinute;
	}

}
