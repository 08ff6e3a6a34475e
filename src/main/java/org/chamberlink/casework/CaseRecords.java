package org.chamberlink.casework;

import java.time.Instant;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The writing side's shared steps: lock a case the caller may change, write a step of the trail,
 * record that an organisation holds a case. Every change of a case goes through {@link #lock}.
 */
@Component
class CaseRecords {

	/** The facts of a locked case the rules look at. */
	record Locked(Long id, CaseKind kind, CaseCategory category, CaseState state, Long orgId, String orgPath,
			Long transferToOrgId, Long partyId, String title, Long handlerAccountId, Instant closedAt,
			Instant reopenedAt, Integer rating) {
	}

	private static final String LOCK = """
			select id, kind, category, state, org_id, org_path, transfer_to_org_id, party_id, title, handler_account_id,
			       closed_at, reopened_at, rating
			from service_case c where c.id = :id and %s for update
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	CaseRecords(JdbcClient jdbc, DataScopes scopes, Organizations organizations) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
	}

	/** A case whose handling organisation is in the caller's subtree, locked; else not found. */
	Locked lockHandled(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(LOCK.formatted(scope.on("c.org_path")))
			.param("id", id)
			.params(scope.param())
			.query(Locked.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Case", id));
	}

	/**
	 * A case offered to the caller's own organisation, locked; else not found. The receiving side
	 * consents itself: a county cannot accept on behalf of a chamber it offered a case to.
	 */
	Locked lockOffered(Long id) {
		return jdbc.sql(LOCK.formatted("c.transfer_to_org_id = :me"))
			.param("id", id)
			.param("me", callerOrgId())
			.query(Locked.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Case", id));
	}

	/** The caller's organisation, or -1 (none) for an account bound to no organisation. */
	static Long callerOrgId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.orgId() != null) {
			return principal.orgId();
		}
		return -1L;
	}

	/** The signed-in member's own case, locked; else not found. */
	Locked lockOwn(Long id, Long partyId) {
		return jdbc.sql(LOCK.formatted("c.party_id = :party"))
			.param("id", id)
			.param("party", partyId)
			.query(Locked.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Case", id));
	}

	Long step(Long caseId, CaseAction action, CaseState from, CaseState to, Long orgId, Long targetOrgId,
			String comment) {
		return step(caseId, action, from, to, orgId, targetOrgId, comment, null);
	}

	/** A step of the trail at a given time: a case entered after the fact is filed and closed on its real days. */
	Long step(Long caseId, CaseAction action, CaseState from, CaseState to, Long orgId, Long targetOrgId,
			String comment, java.time.OffsetDateTime at) {
		return jdbc.sql("""
				insert into case_step (case_id, action, from_state, to_state, org_id, target_org_id, actor, comment, at)
				values (:case, :action, :from, :to, :org, :target, :actor, :comment, coalesce(cast(:at as timestamptz), now()))
				returning id
				""")
			.param("at", at)
			.param("case", caseId)
			.param("action", action.name())
			.param("from", from == null ? null : from.name())
			.param("to", to == null ? null : to.name())
			.param("org", orgId)
			.param("target", targetOrgId)
			.param("actor", actor())
			.param("comment", comment == null || comment.isBlank() ? null : comment.strip())
			.query(Long.class)
			.single();
	}

	/** Records that an organisation holds a case now (current) or is offered it / held it before. */
	void hold(Long caseId, Long orgId, boolean current) {
		String path = organizations.pathUnscoped(orgId).orElseThrow(() -> new RecordNotFoundException("Organization", orgId));
		jdbc.sql("""
				insert into case_holder (case_id, org_id, org_path, current)
				values (:case, :org, :path, :current)
				on conflict (case_id, org_id) do update set current = excluded.current
				""").param("case", caseId).param("org", orgId).param("path", path).param("current", current).update();
	}

	/** The case has moved to {@code orgId}: it is the only current holder. */
	void moveTo(Long caseId, Long orgId) {
		jdbc.sql("update case_holder set current = false where case_id = :case and current").param("case", caseId).update();
		hold(caseId, orgId, true);
	}

	void changeState(Long caseId, CaseState state) {
		jdbc.sql("update service_case set state = :state, version = version + 1 where id = :id")
			.param("state", state.name())
			.param("id", caseId)
			.update();
	}

	DataScope scope() {
		return scopes.current();
	}

	/** Who acts, as the trail names them: the display name, not the sign-in name. */
	static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return "system";
		}
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return principal.displayName();
		}
		return authentication.getName();
	}

	/** The signed-in account's id, or null (a job, the system). */
	static Long actorAccountId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				? principal.id() : null;
	}

}
