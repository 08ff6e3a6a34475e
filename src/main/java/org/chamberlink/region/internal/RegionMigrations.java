package org.chamberlink.region.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionMigrations {

	@Bean
	FlywayConfigurationCustomizer regionReferenceData() {
		// Appends: other modules register their reference-data migrations the same way.
		return configuration -> {
			List<JavaMigration> migrations = new ArrayList<>(Arrays.asList(configuration.getJavaMigrations()));
			migrations.add(new LoadRegionsMigration());
			configuration.javaMigrations(migrations.toArray(JavaMigration[]::new));
		};
	}

}
