package org.chamberlink.identity;

import java.time.Instant;
import java.util.List;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.shared.ChinaTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's sessions, which live in PostgreSQL (Spring Session JDBC) and so span every
 * instance: list them, end all of them, or all but the current one.
 */
@Service
public class AccountSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	AccountSessions(FindByIndexNameSessionRepository<?> sessions, JdbcClient jdbc, AuditTrail audit) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public record SessionInfo(String id, Instant createdAt, Instant lastAccessAt, boolean current) {

		public java.time.LocalDateTime createdInChina() {
			return ChinaTime.of(createdAt);
		}

		public java.time.LocalDateTime lastAccessInChina() {
			return ChinaTime.of(lastAccessAt);
		}

	}

	@Transactional(readOnly = true)
	public List<SessionInfo> list(String username, String currentSessionId) {
		return jdbc.sql("""
				select session_id, creation_time, last_access_time from spring_session
				where principal_name = :name order by last_access_time desc
				""")
			.param("name", username)
			.query((rs, n) -> new SessionInfo(rs.getString(1).trim(), Instant.ofEpochMilli(rs.getLong(2)),
					Instant.ofEpochMilli(rs.getLong(3)), rs.getString(1).trim().equals(currentSessionId)))
			.list();
	}

	/** Ends every session of the account except {@code keepSessionId} (null ends them all). */
	@Transactional
	public int endAll(String username, String keepSessionId) {
		var ids = sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keepSessionId))
			.toList();
		ids.forEach(sessions::deleteById);
		audit.record(AuditEntry.of(AuditAction.SESSIONS_REVOKED)
			.entity("UserAccount", username)
			.summary(keepSessionId == null ? "audit.summary.sessionsEnded" : "audit.summary.otherSessionsEnded", ids.size()));
		return ids.size();
	}

}
