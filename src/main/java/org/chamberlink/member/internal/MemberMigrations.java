package org.chamberlink.member.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemberMigrations {

	/** Adds to, rather than replaces, the Java migrations other modules registered. */
	@Bean
	FlywayConfigurationCustomizer industryReferenceData() {
		return configuration -> {
			List<JavaMigration> migrations = new ArrayList<>(Arrays.asList(configuration.getJavaMigrations()));
			migrations.add(new LoadIndustriesMigration());
			configuration.javaMigrations(migrations.toArray(JavaMigration[]::new));
		};
	}

}
