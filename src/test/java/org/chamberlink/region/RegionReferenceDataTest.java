package org.chamberlink.region;

import java.util.List;

import org.chamberlink.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The NBS 2023 division tree is loaded once, completely, and a second migrate changes nothing. */
@IntegrationTest
@Tag("database")
class RegionReferenceDataTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	Regions regions;

	@Test
	void everyLevelOfTheFileIsLoaded() {
		assertThat(count("PROVINCE")).isEqualTo(31);
		assertThat(count("CITY")).isEqualTo(342);
		assertThat(count("COUNTY")).isEqualTo(2978);
		assertThat(count("TOWNSHIP")).isGreaterThanOrEqualTo(41352);
	}

	@Test
	void theTreeNestsByCodeAndCountsTownshipsOfARegion() {
		Region hebei = regions.get("13");
		assertThat(hebei.name()).isEqualTo("河北省");
		assertThat(regions.children("13")).extracting(Region::level).containsOnly(RegionLevel.CITY);
		List<Region> townshipsOfShijiazhuang = regions.children("1301").stream()
			.flatMap(county -> regions.children(county.code()).stream())
			.toList();
		// the coverage counts the administrative townships only, not the zones the list also holds;
		// other tests add zones and abolish townships here, so the expectation is read from the regions
		java.time.LocalDate today = java.time.LocalDate.now(org.chamberlink.shared.ChinaTime.ZONE);
		List<Region> existing = townshipsOfShijiazhuang.stream().filter(township -> !township.abolishedBy(today)).toList();
		assertThat(townshipsOfShijiazhuang).filteredOn(township -> !township.addedManually())
			.allSatisfy(township -> assertThat(township.countsForCoverage()).as(township.name())
				.isEqualTo(TownshipKind.of(township.code(), township.name()) == TownshipKind.ADMINISTRATIVE));
		long counted = existing.stream().filter(Region::countsForCoverage).count();
		assertThat(regions.townshipsWithin("1301")).isEqualTo(counted).isPositive().isLessThan(existing.size());
		assertThat(regions.townshipsWithin("1301") + regions.uncountedTownshipsWithin("1301")).isEqualTo(existing.size());
	}

	@Test
	void migratingAgainIsANoOp() {
		assertThat(flyway.migrate().migrationsExecuted).isZero();
		assertThat(flyway.info().current().getVersion().getVersion()).isNotEmpty();
	}

	private long count(String level) {
		return jdbc.sql("select count(*) from region where level = :level and not added_manually")
			.param("level", level)
			.query(Long.class)
			.single();
	}

}
