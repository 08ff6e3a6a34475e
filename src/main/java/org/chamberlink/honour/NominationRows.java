package org.chamberlink.honour;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nominations as the caller may see them (it nominated or reviews them: either organisation in
 * its scope), a row locked for the side that acts on it, and a row's status changed.
 */
@Component
class NominationRows {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final HonourProgrammes programmes;

	NominationRows(JdbcClient jdbc, DataScopes scopes, HonourProgrammes programmes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.programmes = programmes;
	}

	Optional<Nomination> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(Nomination.COLUMNS + " where n.id = :id and (" + scope.on("n.nominator_org_path") + " or "
				+ scope.on("n.reviewer_org_path") + ")")
			.param("id", id)
			.params(scope.param())
			.query(Nomination.class)
			.optional();
	}

	Nomination get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Nomination", id));
	}

	/** The programme's nominations the caller nominated or reviews, by level, rank and name. */
	List<Nomination> of(Long programmeId) {
		programmes.get(programmeId);
		DataScope scope = scopes.current();
		return jdbc.sql(Nomination.COLUMNS + " where n.programme_id = :p and (" + scope.on("n.nominator_org_path") + " or "
				+ scope.on("n.reviewer_org_path") + ") order by n.level desc, n.rank nulls last, n.id limit 2000")
			.param("p", programmeId)
			.params(scope.param())
			.query(Nomination.class)
			.list();
	}

	/** The nomination the caller reviews (the reviewer in the caller's scope), its row locked. */
	Nomination reviewing(Long id) {
		return locked(id, Nomination::reviewerOrgPath);
	}

	/** The nomination the caller nominated (the nominator in the caller's scope), its row locked. */
	Nomination nominating(Long id) {
		return locked(id, Nomination::nominatorOrgPath);
	}

	private Nomination locked(Long id, Function<Nomination, String> side) {
		Nomination n = get(id);
		if (!scopes.current().covers(side.apply(n))) {
			throw new RecordNotFoundException("Nomination", id);
		}
		jdbc.sql("select id from honour_nomination where id = :id for update").param("id", id).query(Long.class).single();
		return get(id);
	}

	void status(Long id, NominationStatus status, String reason, Integer rank) {
		jdbc.sql("update honour_nomination set status = :s, status_reason = :reason, rank = :rank, version = version + 1"
				+ " where id = :id")
			.param("s", status.name())
			.param("reason", reason)
			.param("rank", rank)
			.param("id", id)
			.update();
	}

}
