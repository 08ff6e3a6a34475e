package org.chamberlink.organization;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What other modules hear from the organisation tree: an organisation registered or dissolved.
 * {@link OrganizationMoved} is published by no operation yet: the two that touch an
 * organisation's place (its region, its parent) keep its path, and this test holds them to it.
 */
@IntegrationTest
@EnableScenarios
@RecordApplicationEvents
@Tag("database")
class OrganizationEventsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationManagement management;

	@Autowired
	OrganizationDissolution dissolution;

	@Autowired
	Organizations organizations;

	@Autowired
	ApplicationEvents events;

	long province;

	long county;

	@BeforeEach
	void aCountySignedIn() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		province = fixture.federation("PROVINCE", "组织事件省" + System.nanoTime(), "13", null);
		county = fixture.federation("COUNTY", "长安区工商联", "130102", province);
		AccountPrincipal staff = new TestAccounts(accountManagement).createIn(county, Role.FEDERATION_ADMIN);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void registeringAnOrganisationPublishesOrganizationRegisteredWithItsPath(Scenario scenario) {
		String countyPath = organizations.get(county).path();
		scenario.stimulate(() -> management.create(chamber("长安区电子商务商会")))
			.andWaitForEventOfType(OrganizationRegistered.class)
			.matching(event -> county == event.parentId())
			.toArriveAndVerify((event, created) -> {
				assertThat(event.orgId()).isEqualTo(created.id());
				assertThat(event.orgPath()).isEqualTo(created.path()).isEqualTo(countyPath + created.id() + "/");
				assertThat(event.type()).isEqualTo(OrganizationType.CHAMBER);
				assertThat(event.chamberKind()).isEqualTo(ChamberKind.INDUSTRY);
				assertThat(event.regionCode()).isEqualTo("130102");
				assertThat(event.name()).isEqualTo("长安区电子商务商会");
			});
	}

	@Test
	void dissolvingAnOrganisationPublishesOrganizationDissolved(Scenario scenario) {
		OrganizationSummary chamber = management.create(chamber("长安区茶叶商会"));
		scenario.stimulate(() -> dissolution.dissolve(chamber.id()))
			.andWaitForEventOfType(OrganizationDissolved.class)
			.matching(event -> event.orgId().equals(chamber.id()))
			.toArriveAndVerify(event -> {
				assertThat(event.orgPath()).isEqualTo(chamber.path());
				assertThat(event.parentId()).isEqualTo(county);
				assertThat(event.type()).isEqualTo(OrganizationType.CHAMBER);
				assertThat(event.dissolvedAt()).isNotNull();
			});
	}

	@Test
	void neitherARegionChangeNorARefusedParentChangeMovesAnOrganisation() {
		OrganizationSummary chamber = management.create(chamber("长安区汽配商会"));
		OrganizationDetails before = organizations.details(chamber.id());
		management.update(chamber.id(), place(before, "130102001", county));
		OrganizationDetails inTownship = organizations.details(chamber.id());
		assertThat(inTownship.regionCode()).isEqualTo("130102001");
		assertThat(inTownship.path()).isEqualTo(before.path());

		assertThatThrownBy(() -> management.update(chamber.id(), place(inTownship, "130102001", province)))
			.isInstanceOf(RuleViolationException.class);
		assertThat(organizations.details(chamber.id()).path()).isEqualTo(before.path());
		assertThat(events.stream(OrganizationMoved.class)).isEmpty();
	}

	// the record as read (not registered yet, which an edit must explain), with another region and parent
	private static OrganizationChanges place(OrganizationDetails d, String regionCode, Long parentId) {
		return new OrganizationChanges(d.name(), d.shortName(), regionCode, parentId, d.foundedOn(), d.registered(),
				d.registeredOn(), d.registrationCode(), "正在筹备登记", d.partyOrganisation(), d.partyStarRating(),
				d.partyLiaison(), d.officeFixed(), d.officeArea(), d.fulltimeStaff(), d.website(), d.periodical(),
				d.hasStaff(), d.hasOffice(), d.hasFunds(), d.hasEquipment(), d.hasDuties(), d.incomeBand(),
				d.acceptsJoinApplications(), d.version());
	}

	private NewOrganization chamber(String name) {
		return new NewOrganization(OrganizationType.CHAMBER, null, ChamberKind.INDUSTRY, name, "130102", county, null, false,
				null, null);
	}

}
