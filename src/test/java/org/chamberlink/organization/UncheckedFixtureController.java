package org.chamberlink.organization;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that check nothing, as a careless new endpoint would: one stores a note in
 * an organisation's short name as it comes (a NUL or 100,000 characters reach PostgreSQL: a 500),
 * the other writes before it refuses (a refused request that changed the database).
 * {@link BadInputWalkTest} proves the walk reports both.
 */
@RestController
@DeliberatelyUnchecked
@DeliberatelyUnscoped
class UncheckedFixtureController {

	record Note(String text) {
	}

	private final JdbcClient jdbc;

	UncheckedFixtureController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@PostMapping("/api/v1/test-fixture/unchecked/{id}")
	Note store(@PathVariable Long id, @RequestBody Note note) {
		jdbc.sql("update organization set short_name = :text where id = :id").param("text", note.text())
			.param("id", id).update();
		return note;
	}

	@PostMapping("/api/v1/test-fixture/half-write/{id}")
	ResponseEntity<Note> writeThenRefuse(@PathVariable Long id, @RequestBody Note note) {
		jdbc.sql("update organization set website = :text where id = :id")
			.param("text", note.text() == null ? null : note.text().substring(0, Math.min(100, note.text().length())))
			.param("id", id).update();
		return note.text() != null && note.text().length() > 50 ? ResponseEntity.unprocessableContent().build()
				: ResponseEntity.ok(note);
	}

}
