package org.chamberlink.region;

import org.chamberlink.support.ModuleTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The region module alone: the NBS reference tree its migration loads nests by code, down to townships. */
@ModuleTest
class RegionModuleTest {

	@Autowired
	Regions regions;

	@Test
	void theReferenceTreeNestsByCodeDownToTheTownships() {
		assertThat(regions.get("130102").name()).isEqualTo("长安区");
		assertThat(regions.children("1301")).extracting(Region::code).contains("130102", "130104", "130108");
		assertThat(regions.children("130108")).isNotEmpty()
			.allSatisfy(township -> assertThat(township.code()).startsWith("130108").hasSize(9));
		assertThat(regions.townshipsWithin("130108")).isEqualTo(regions.children("130108").size());
	}

}
