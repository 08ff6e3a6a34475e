package org.chamberlink.organization;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.support.ModuleTest;
import org.chamberlink.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation module with only the modules it declares: an organisation registered below
 * another takes its place in the tree (its materialised path) and the module says so by event.
 */
@ModuleTest
class OrganizationModuleTest {

	@Autowired
	OrganizationManagement management;

	@Autowired
	Organizations organizations;

	@Autowired
	AccountManagement accounts;

	@BeforeEach
	void aSystemAdministratorSignedIn() {
		SignedIn.asSystemAdministrator(accounts);
	}

	@AfterEach
	void signOut() {
		SignedIn.signOut();
	}

	@Test
	void aCountyRegisteredBelowItsProvinceTakesItsPlaceInTheTreeAndIsAnnounced(Scenario scenario) {
		OrganizationSummary province = management.create(new NewOrganization(OrganizationType.FEDERATION, "PROVINCE", null,
				"模块测试省工商联" + System.nanoTime(), "13", null, null, null, null, null));

		scenario.stimulate(() -> management.create(new NewOrganization(OrganizationType.FEDERATION, "COUNTY", null,
				"模块测试长安区工商联", "130102", province.id(), null, null, null, null)))
			.andWaitForEventOfType(OrganizationRegistered.class)
			.matching(event -> province.id().equals(event.parentId()))
			.toArriveAndVerify((event, county) -> {
				assertThat(event.orgPath()).isEqualTo("/" + province.id() + "/" + county.id() + "/");
				assertThat(organizations.get(county.id()).parentId()).isEqualTo(province.id());
			});
	}

}
