package org.chamberlink.shared;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled tasks run once per schedule however many instances serve (issue 23): each
 * {@code @Scheduled} method also carries ShedLock's {@code @SchedulerLock}, whose row in
 * {@code shedlock} the first instance takes; the others skip that run. {@code lockAtLeastFor}
 * (a minute on every task) keeps an instance whose clock is a little late from running a task that
 * another has just finished; {@code lockAtMostFor} frees the lock of an instance that died while
 * running. {@code SchedulerLockRuleTest} holds every scheduled method to this.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulerLocks {

	/** The minimum any task holds its lock; see {@code SchedulerLockRuleTest}. */
	static final String AT_LEAST = "PT1M";

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
