package org.chamberlink.casework;

import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a case may go: the organisations a handler may offer it to, and whose path tells who handles it. */
@Service
public class CaseTransferTargets {

	/** The most organisations the transfer form offers (a select, not a search). */
	static final int MOST_TARGETS = 1_000;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	CaseTransferTargets(JdbcClient jdbc, DataScopes scopes, Organizations organizations) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
	}

	/** An organisation a case can be transferred to. */
	public record Target(Long id, String name) {
	}

	/** Where a case may be transferred: the organisations above its handler, and those in the caller's subtree. */
	@Transactional(readOnly = true)
	public List<Target> transferTargets(CaseView kase) {
		OrganizationSummary handler = organizations.get(kase.orgId());
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select id, name from organization
				where (:path like path || '%%' or %s) and id <> :id and status = 'ACTIVE'
				order by path limit %d
				""".formatted(scope.on("path"), MOST_TARGETS))
			.param("path", handler.path())
			.params(scope.param())
			.param("id", handler.id())
			.query(Target.class)
			.list();
	}

	/** An organisation's path (to tell whether the caller handles a case or is offered it). */
	@Transactional(readOnly = true)
	public String pathOf(Long orgId) {
		return organizations.pathUnscoped(orgId).orElseThrow(() -> new RecordNotFoundException("Organization", orgId));
	}

}
