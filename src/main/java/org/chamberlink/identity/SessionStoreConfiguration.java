package org.chamberlink.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (decision 3). Two requests of one session that each add the same new
 * attribute — a double tap on a form whose answer leaves a flash message — would both insert it,
 * and the second failed with a duplicate key (a 500 after the case was filed). PostgreSQL's
 * upsert writes the attribute once, whichever request comes second.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
