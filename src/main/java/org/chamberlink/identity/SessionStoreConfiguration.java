package org.chamberlink.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (decision 3). Two requests of one session that each add the same new
 * attribute — a double tap on a form whose answer leaves a flash message — would both insert it,
 * and the second failed with a duplicate key (a 500 after the case was filed). PostgreSQL's
 * upsert writes the attribute once, whichever request comes second.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Spring Session writes a session's row back after every request only to move its last access
	 * time: an UPDATE and a durable commit per page view. This one leaves the row alone while only
	 * the access time moved, by less than a minute (decision 54); a new session id (sign-in), a
	 * principal, a new timeout, and attributes are written as before. A session thus expires at most
	 * a minute earlier than its 8 hours of idleness.
	 */
	static final String UPDATE_SESSION_QUERY = """
			WITH v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id) AS (
			  VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS VARCHAR(100)),
			          CAST(? AS CHAR(36))))
			UPDATE %TABLE_NAME% s
			SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
			    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
			FROM v
			WHERE s.PRIMARY_ID = v.primary_id
			  AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
			       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name OR v.last_access_time - s.LAST_ACCESS_TIME >= 60000)
			""";

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOncePerMinute() {
		return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
	}

}
