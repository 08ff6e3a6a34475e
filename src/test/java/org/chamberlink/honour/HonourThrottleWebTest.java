package org.chamberlink.honour;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chamberlink.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public honour pages' throttle behind no proxy (the default, decision 0037): it counts the
 * connection's address, never an {@code X-Forwarded-For} a visitor sends, so rotating a made-up
 * header neither spreads the count over invented addresses nor escapes the limit. The window is a
 * fixed minute (hits per address and minute, counted in the database).
 */
@IntegrationTest
@Tag("database")
class HonourThrottleWebTest {

	private static final List<String> LOCAL = List.of("verify:127.0.0.1", "verify:0:0:0:0:0:0:0:1");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void aForwardedForHeaderIsNotTrustedByDefault() throws Exception {
		String spoofed = "198.51.100." + (System.nanoTime() % 250);
		for (int i = 0; i < 3; i++) {
			assertThat(verify(spoofed + i).statusCode()).isEqualTo(404);
		}
		assertThat(jdbc.sql("select count(*) from honour_public_hit where hit_key like '%198.51.100.%'").query(Long.class).single())
			.as("no count kept under an address the visitor named").isZero();
		assertThat(jdbc.sql("select coalesce(sum(hits), 0) from honour_public_hit where hit_key in (:keys)").param("keys", LOCAL)
			.query(Long.class).single()).as("counted under the connection's address").isGreaterThanOrEqualTo(3);
	}

	@Test
	void overTheMinutesLimitARotatedHeaderStillGets429() throws Exception {
		try {
			// a minute's turn between filling and asking starts the count afresh: then it is tried once more
			for (int attempt = 0; attempt < 2; attempt++) {
				Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
				for (String key : LOCAL) {
					jdbc.sql("insert into honour_public_hit (hit_key, window_start, hits) values (:k, :w, 60)"
							+ " on conflict (hit_key, window_start) do update set hits = 60")
						.param("k", key)
						.param("w", minute.atOffset(ZoneOffset.UTC))
						.update();
				}
				HttpResponse<String> response = verify("203.0.113." + attempt);
				if (!minute.equals(Instant.now().truncatedTo(ChronoUnit.MINUTES))) {
					continue;
				}
				assertThat(response.statusCode()).isEqualTo(429);
				assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
				assertThat(response.body()).doesNotContain("RY-2222");
				return;
			}
		}
		finally {
			// the other tests of this JVM verify from this address too
			jdbc.sql("delete from honour_public_hit where hit_key in (:keys)").param("keys", LOCAL).update();
		}
	}

	private HttpResponse<String> verify(String forwardedFor) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/honours/verify/RY-2222-3333-4444-5555"))
			.header("X-Forwarded-For", forwardedFor)
			.header("Forwarded", "for=" + forwardedFor)
			.header("X-Real-IP", forwardedFor)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
