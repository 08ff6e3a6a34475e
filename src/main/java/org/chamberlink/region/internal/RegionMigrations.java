package org.chamberlink.region.internal;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionMigrations {

	@Bean
	FlywayConfigurationCustomizer regionReferenceData() {
		return configuration -> configuration.javaMigrations(new LoadRegionsMigration());
	}

}
