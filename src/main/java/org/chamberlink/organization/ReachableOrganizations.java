package org.chamberlink.organization;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where something an organisation holds may be handed (a case transferred): the active
 * organisations above it, which its path names, and those within the caller's scope. Asked here,
 * so that other modules do not read the organisation tree themselves.
 */
@Service
public class ReachableOrganizations {

	/** An organisation offered as a target: its id and name. */
	public record Reachable(Long id, String name) {
	}

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	ReachableOrganizations(JdbcClient jdbc, DataScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	/** The organisations reachable from {@code from} (not itself), in tree order, at most {@code most}. */
	@Transactional(readOnly = true)
	public List<Reachable> from(OrganizationSummary from, int most) {
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select id, name from organization
				where (:path like path || '%%' or %s) and id <> :id and status = 'ACTIVE'
				order by path limit %d
				""".formatted(scope.on("path"), most))
			.param("path", from.path())
			.params(scope.param())
			.param("id", from.id())
			.query(Reachable.class)
			.list();
	}

}
