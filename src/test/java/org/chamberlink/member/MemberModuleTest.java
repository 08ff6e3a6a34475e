package org.chamberlink.member;

import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.organization.NewOrganization;
import org.chamberlink.organization.OrganizationManagement;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.ModuleTest;
import org.chamberlink.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member module with only the modules it declares: an enterprise registered in a federation
 * starts a membership there (announced by event), and its phone is kept masked.
 */
@ModuleTest
class MemberModuleTest {

	@Autowired
	MemberRegistration registration;

	@Autowired
	Members members;

	@Autowired
	OrganizationManagement organizations;

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
	void aRegisteredEnterpriseStartsAMembershipAndItsPhoneIsMasked(Scenario scenario) {
		long federation = organizations.create(new NewOrganization(OrganizationType.FEDERATION, "PROVINCE", null,
				"会员模块测试省工商联" + System.nanoTime(), "13", null, null, null, null, null, null)).id();
		String code = MemberFixture.creditCode();
		String phone = MemberFixture.phone();
		NewMember enterprise = new NewMember(PartyKind.ENTERPRISE, federation, "模块测试建材有限公司", code,
				EnterpriseKind.PRIVATE_ENTERPRISE, "", "13", null, null, "130102", false, false, null, "", phone, false, "",
				null, MemberRole.MEMBER, null, "", LocalDate.of(2024, 3, 1));

		scenario.stimulate(() -> registration.register(enterprise))
			.andWaitForEventOfType(MembershipStarted.class)
			.matching(event -> event.orgId().equals(federation))
			.toArriveAndVerify((event, party) -> {
				assertThat(event.partyId()).isEqualTo(party);
				PartyDetails details = members.get(party);
				assertThat(details.creditCode()).isEqualTo(code);
				assertThat(details.phoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
			});
	}

}
