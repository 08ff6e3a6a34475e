package org.chamberlink.dues;

import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.member.MemberRole;
import org.chamberlink.organization.NewOrganization;
import org.chamberlink.organization.OrganizationManagement;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.support.ModuleTest;
import org.chamberlink.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dues module with only the modules it declares: a federation's schedule for a year is kept in
 * fen, per role, with its proration and due date, and read back as set.
 */
@ModuleTest
class DuesModuleTest {

	@Autowired
	DuesSchedules schedules;

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
	void aScheduleIsKeptInFenPerRoleWithItsProrationAndDueDate() {
		long federation = organizations.create(new NewOrganization(OrganizationType.FEDERATION, "PROVINCE", null,
				"会费模块测试省工商联" + System.nanoTime(), "13", null, null, null, null, null, null)).id();
		int year = DuesChamber.YEAR;
		schedules.set(federation, new ScheduleForm(year, Proration.MONTHLY, LocalDate.of(year, 3, 31), null,
				Map.of(MemberRole.MEMBER, "500", MemberRole.VICE_PRESIDENT, "10,000")));

		DuesSchedule schedule = schedules.of(federation, year);
		assertThat(schedule.policy()).isEqualTo(new DuesSchedule.Policy(Proration.MONTHLY, LocalDate.of(year, 3, 31)));
		assertThat(schedule.current()).containsEntry(MemberRole.MEMBER, 50000L)
			.containsEntry(MemberRole.VICE_PRESIDENT, 1000000L)
			.doesNotContainKey(MemberRole.PRESIDENT);
	}

}
