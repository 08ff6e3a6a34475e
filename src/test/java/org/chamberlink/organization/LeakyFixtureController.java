package org.chamberlink.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint that forgets the data scope, as a careless new endpoint would: it reads
 * any organisation's name by id. {@link ScopeWalkTest} proves the walk reports it as a leak.
 */
@RestController
@DeliberatelyUnscoped
class LeakyFixtureController {

	private final JdbcClient jdbc;

	LeakyFixtureController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/v1/test-fixture/leaky/{id}")
	String name(@PathVariable Long id) {
		return jdbc.sql("select name from organization where id = :id").param("id", id).query(String.class).single();
	}

}
