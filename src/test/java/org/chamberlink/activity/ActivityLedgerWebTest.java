package org.chamberlink.activity;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.chamberlink.identity.Role;
import org.chamberlink.shared.XlsxReader;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger (台帐) of an organisation's year on its page, on paper and as Excel: every activity
 * with kind, date, registrations, person-times, minutes present or missing and a council meeting's
 * quorum, the totals by kind above; the picker offers the caller's organisation and those below;
 * a neighbour's organisation and a year no ledger has answer like what does not exist.
 */
@IntegrationTest
@Tag("database")
class ActivityLedgerWebTest {

	private static final List<String> HEADERS = List.of("序号", "日期", "时间", "类型", "活动名称", "地点", "状态", "报名", "签到人次",
			"到会会员数", "纪要", "法定人数");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext beans;

	@Autowired
	ActivityRegistrations registrations;

	@Autowired
	ActivityMinutes minutes;

	ActivityScene scene;

	WebSession clerk;

	@BeforeEach
	void plant() {
		scene = ActivityScene.plant(beans, port, "台帐");
		clerk = WebSession.signedIn(port, scene.countyStaff.getUsername(), TestAccounts.PASSWORD);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theChambersLedgerFlagsMissingMinutesAndTheCouncilMeetingWithoutQuorum() {
		scene.councilMinutes();
		int year = scene.day().getYear();
		String page = clerk.get("/activities/ledger?orgId=" + scene.tree.chamber() + "&year=" + year).body();

		assertThat(page).contains("data-testid=\"ledger-held\">2<", "data-testid=\"ledger-person-times\">4<",
				"data-testid=\"ledger-missing\">1<", "data-testid=\"ledger-kind-GOVERNANCE\">1<", "data-testid=\"ledger-kind-FORUM\">1<",
				"第二届理事会第三次会议", "企业合规论坛");
		// the council meeting has its minutes and lacks the quorum; the forum lacks its minutes
		assertThat(page).containsPattern("data-activity=\"" + scene.council + "\"[\\s\\S]*?>有<[\\s\\S]*?>未达到<");
		assertThat(page).containsPattern("data-activity=\"" + scene.forum + "\"[\\s\\S]*?>缺<");
		// the picker: the county, its chambers (the caller's own and those below)
		assertThat(page).contains("<option value=\"" + scene.tree.county() + "\"", "<option value=\"" + scene.secondChamber + "\"")
			.doesNotContain("<option value=\"" + scene.tree.neighbourCounty() + "\"");

		String print = clerk.get("/activities/ledger/print?orgId=" + scene.tree.chamber() + "&year=" + year).body();
		assertThat(print).contains("data-testid=\"ledger-sheet\"", year + " 年活动台帐", "已举办 2 场，签到 4 人次，缺纪要 1 场",
				"第二届理事会第三次会议", "企业合规论坛");

		byte[] xlsx = clerk.download("/activities/ledger/export?orgId=" + scene.tree.chamber() + "&year=" + year);
		List<List<String>> rows = XlsxReader.read(new ByteArrayInputStream(xlsx), HEADERS, 100);
		assertThat(rows).hasSize(2);
		assertThat(rows).extracting(row -> String.join("|", row.subList(3, 12))).containsExactlyInAnyOrder(
				"理事会|第二届理事会第三次会议|长安区会议中心|已举办|0|1|1|有|未达到",
				"论坛讲座|企业合规论坛|长安区会议中心|已举办|3|3|3|缺|");
		assertThat(rows).extracting(row -> row.get(1)).containsOnly(scene.day().toString());
	}

	@Test
	void theCountysOwnLedgerListsTheCancelledForumAndItsTrainingsRegistrationsBeforehand() {
		String page = clerk.get("/activities/ledger").body();
		assertThat(page).contains(scene.tree.countyName() + " " + scene.day().getYear() + " 年活动台帐", "民法典培训", "取消的论坛",
				"data-testid=\"ledger-held\">1<");
		// 3 registered beforehand (the two walk-ins took their seats at the door), 4 checked in
		assertThat(page).containsPattern("data-activity=\"" + scene.training + "\"[\\s\\S]*?>3<[\\s\\S]*?>4<");
		assertThat(page).containsPattern("data-activity=\"" + scene.cancelled + "\"[\\s\\S]*?已取消[\\s\\S]*?>未举办<");
	}

	@Test
	void aNeighboursLedgerAndAYearNoLedgerHasAnswerAsNothingThere() {
		int year = scene.day().getYear();
		assertThat(clerk.get("/activities/ledger?orgId=" + scene.tree.neighbour() + "&year=" + year).statusCode()).isEqualTo(404);
		assertThat(clerk.get("/activities/ledger?orgId=999999999&year=" + year).statusCode()).isEqualTo(404);
		assertThat(clerk.get("/activities/ledger/print?orgId=" + scene.tree.neighbour() + "&year=" + year).statusCode()).isEqualTo(404);
		assertThat(clerk.get("/activities/ledger/export?orgId=" + scene.tree.neighbour() + "&year=" + year).statusCode()).isEqualTo(404);
		var bad = clerk.get("/activities/ledger?orgId=" + scene.tree.chamber() + "&year=99999");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("“年度”须在 2000 到 2100 之间");
		assertThat(clerk.get("/activities/ledger?year=abc").statusCode()).isEqualTo(400);

		// the neighbour's own staff see their own ledger, not the county's
		WebSession neighbour = WebSession.signedIn(port, scene.neighbourStaff.getUsername(), TestAccounts.PASSWORD);
		assertThat(neighbour.get("/activities/ledger").body()).contains("桥西区论坛").doesNotContain("民法典培训");
		assertThat(neighbour.get("/activities/ledger?orgId=" + scene.tree.county() + "&year=" + year).statusCode()).isEqualTo(404);
		// an auditor reads the ledger too
		WebSession auditor = WebSession.signedIn(port, scene.tree.account(scene.tree.county(), Role.AUDITOR).getUsername(),
				TestAccounts.PASSWORD);
		assertThat(auditor.get("/activities/ledger").statusCode()).isEqualTo(200);
	}

}
