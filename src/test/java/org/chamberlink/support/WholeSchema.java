package org.chamberlink.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chamberlink.member.internal.LoadIndustriesMigration;
import org.chamberlink.region.internal.LoadRegionsMigration;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The reference-data migrations (regions V5, industries V9) are Java migrations that their modules
 * register. A module test that bootstraps neither module would otherwise see them as applied but
 * unknown (Flyway refuses to validate) or, on a fresh database, skip them for good. Added last,
 * only those the included modules did not register already.
 */
@TestConfiguration(proxyBeanMethods = false)
class WholeSchema {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	FlywayConfigurationCustomizer referenceDataOfModulesNotBootstrapped() {
		return configuration -> {
			List<JavaMigration> migrations = new ArrayList<>(Arrays.asList(configuration.getJavaMigrations()));
			Set<String> registered = migrations.stream().map(m -> m.getVersion().getVersion()).collect(Collectors.toSet());
			for (JavaMigration migration : List.of(new LoadRegionsMigration(), new LoadIndustriesMigration())) {
				if (!registered.contains(migration.getVersion().getVersion())) {
					migrations.add(migration);
				}
			}
			configuration.javaMigrations(migrations.toArray(JavaMigration[]::new));
		};
	}

}
