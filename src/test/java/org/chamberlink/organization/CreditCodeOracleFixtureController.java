package org.chamberlink.organization;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint that looks a natural key up across the whole database, as a careless
 * "already taken" check would. {@link NaturalKeyWalkTest} proves the walk reports it.
 */
@RestController
@DeliberatelyUnscoped
class CreditCodeOracleFixtureController {

	private final JdbcClient jdbc;

	CreditCodeOracleFixtureController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/v1/test-fixture/credit-code-taken")
	Map<String, Boolean> taken(@RequestParam(required = false) String creditCode) {
		return Map.of("taken", creditCode != null && jdbc.sql("select count(*) from party where credit_code = :code")
			.param("code", creditCode)
			.query(Long.class)
			.single() > 0);
	}

}
