package org.chamberlink.casework;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.Api;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.shared.ChinaTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time limits count working days over the 2026 holiday list (weekends off, holidays off, make-up
 * Saturdays and Sundays on); an organisation inherits its ancestor's limits; overdue cases are
 * listed for the county; a handler is reminded once the day before a case falls due.
 */
@IntegrationTest
@Tag("database")
class CaseTimeLimitsTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	CaseDeadlineWatch watch;

	@Test
	void workingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays() {
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 20), 1)).as("Friday + 1").isEqualTo("2026-11-23");
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).as("over National Day")
			.isEqualTo("2026-10-08");
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 9), 1)).as("a make-up Saturday")
			.isEqualTo("2026-10-10");
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 2)).as("over the Spring Festival")
			.isEqualTo("2026-02-24");
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
	}

	@Test
	void aChamberInheritsTheCountysLimitsAndOverdueCasesAreListedForTheCounty() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "时限测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "藁城区工商联", "130109", province);
		long chamber = fixture.chamber("INDUSTRY", "藁城区宫灯商会", "130109", county);
		String countyAdmin = fixture.tokenIn(county, Role.FEDERATION_ADMIN);
		String chamberAdmin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);

		HttpResponse<String> bad = Api.put(port, "/api/v1/organizations/" + county + "/case-time-limits/COMPLAINT",
				countyAdmin, "{\"acceptDays\":0,\"resolveDays\":10}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("受理时限：须为 1 至 30 个工作日", "acceptDays");
		Api.put(port, "/api/v1/organizations/" + county + "/case-time-limits/COMPLAINT", countyAdmin,
				"{\"acceptDays\":2,\"resolveDays\":10}");
		assertThat(Api.get(port, "/api/v1/organizations/" + chamber + "/case-time-limits", chamberAdmin).body())
			.contains("{\"kind\":\"COMPLAINT\",\"acceptDays\":2,\"resolveDays\":10,\"setAt\":\"藁城区工商联\"}",
					"{\"kind\":\"NEED\",\"acceptDays\":3,\"resolveDays\":20,\"setAt\":null}");
		// the chamber cannot change the county's
		assertThat(Api.put(port, "/api/v1/organizations/" + county + "/case-time-limits/NEED", chamberAdmin,
				"{\"acceptDays\":1,\"resolveDays\":1}").statusCode()).isEqualTo(404);

		long person = MemberFixture.person(port, chamberAdmin, chamber, "冯立新", MemberFixture.identityNumber(),
				MemberFixture.phone());
		long id = CaseFixture.caseId(Api.post(port, "/api/v1/cases", chamberAdmin,
				CaseFixture.complaintJson(chamber, person, "100")).body());
		LocalDate expected = calendar.addWorkingDays(LocalDate.now(ChinaTime.ZONE), 2);
		assertThat(Api.get(port, "/api/v1/cases/" + id, chamberAdmin).body()).contains("\"acceptDueOn\":\"" + expected + "\"");

		// ten days late: overdue, on the county's list
		jdbc.sql("update service_case set accept_due_on = current_date - 10 where id = :id").param("id", id).update();
		assertThat(Api.get(port, "/api/v1/cases?overdue=true", countyAdmin).body()).contains("\"id\":" + id);
		assertThat(Api.get(port, "/api/v1/organizations/" + county + "/case-figures", countyAdmin).body())
			.contains("\"overdue\":1");
		Api.post(port, "/api/v1/cases/" + id + "/accept", chamberAdmin, "{}");
		assertThat(Api.get(port, "/api/v1/cases?overdue=true", countyAdmin).body()).doesNotContain("\"id\":" + id + ",");
	}

	@Test
	void theHandlerIsRemindedOnceTheDayBeforeACaseFallsDue() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "提醒测试省" + System.nanoTime(), "13", null);
		long chamber = fixture.chamber("INDUSTRY", "正定县古城商会", "130123", province);
		String admin = fixture.tokenIn(chamber, Role.CHAMBER_ADMIN);
		AccountPrincipal handler = new TestAccounts(accountManagement).createIn(chamber, Role.STAFF);
		jdbc.sql("update user_account set email = 'handler@example.com' where id = :id").param("id", handler.id()).update();
		long person = MemberFixture.person(port, admin, chamber, "韩梅", MemberFixture.identityNumber(), MemberFixture.phone());
		long id = CaseFixture.caseId(Api.post(port, "/api/v1/cases", admin, CaseFixture.complaintJson(chamber, person, "1"))
			.body());
		Api.post(port, "/api/v1/cases/" + id + "/accept", admin, "{\"handlerAccountId\":" + handler.id() + "}");
		LocalDate monday = LocalDate.of(2026, 11, 23);
		jdbc.sql("update service_case set resolve_due_on = :due where id = :id").param("due", monday.plusDays(1))
			.param("id", id).update();
		assertThat(watch.remind(monday.minusDays(3))).as("Friday: not yet").isZero();
		assertThat(watch.remind(monday)).as("the working day before").isGreaterThanOrEqualTo(1);
		assertThat(watch.remind(monday)).as("a second run the same day").isZero();
		assertThat(jdbc.sql("select subject from notification_outbox where recipient = 'handler@example.com' "
				+ "and dedup_key like :k").param("k", "case:" + id + ":due:%").query(String.class).list())
			.singleElement().asString().contains("即将超期");
	}

}
