package org.chamberlink.activity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.Role;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.support.Api;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Activity figures against the hand-counted year of {@link ActivityScene}: held by kind,
 * person-times, registered and who came with the rate truncated, distinct members, governance
 * meetings with quorum, organisations without activity; the drill-down to the county's own level
 * and each chamber; the same through the generic figures API, the figures page and the dashboard
 * panel; a neighbour's subtree answers as one that does not exist.
 */
@IntegrationTest
@Tag("database")
class ActivityFiguresTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext beans;

	@Autowired
	ActivityMinutes minutes;

	@Autowired
	ActivityFigures figures;

	ActivityScene scene;

	@BeforeEach
	void plant() {
		scene = ActivityScene.plant(beans, port, "活动统计");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theCountysFiguresAreWhatWasCountedByHand() {
		scene.councilMinutes();
		ActivityTotals county = figures.totals(scene.tree.county(), scene.day(), scene.day());

		assertThat(county.held()).isEqualTo(3);
		assertThat(county.governance()).isEqualTo(1);
		assertThat(county.trainings()).isEqualTo(1);
		assertThat(county.forums()).isEqualTo(1);
		assertThat(county.exhibitions() + county.studyTours() + county.cultureSports() + county.charity() + county.other()).isZero();
		assertThat(county.personTimes()).isEqualTo(8);
		// registered beforehand: the walk-ins (丁, the guest, 甲 twice) took their seats at the door
		assertThat(county.registered()).isEqualTo(6);
		assertThat(county.registeredAttended()).isEqualTo(4);
		assertThat(county.attendanceRate().label()).isEqualTo("66.66 %");
		// 甲 came three times, 乙 twice: five members, the guest is none
		assertThat(county.membersReached()).isEqualTo(5L);
		assertThat(county.governanceWithQuorum()).isZero();
		assertThat(county.quorumRate().label()).isEqualTo("0.00 %");
		// the council meeting has its minutes (without the quorum): 开会有记录
		assertThat(county.governanceWithMinutes()).isEqualTo(1);
		assertThat(county.organizations()).isEqualTo(3);
		assertThat(county.organizationsWithout()).isEqualTo(1);
		assertThat(county.idleShare().label()).isEqualTo("33.33 %");

		// the counts alone leave the members reached out
		assertThat(figures.counts(scene.tree.county(), scene.day(), scene.day()).membersReached()).isNull();
		// a period without them counts nothing, and every organisation held none
		ActivityTotals before = figures.totals(scene.tree.county(), scene.day().minusDays(7), scene.day().minusDays(1));
		assertThat(before.held()).isZero();
		assertThat(before.organizationsWithout()).isEqualTo(3);
		assertThat(before.attendanceRate().label()).isEqualTo("—");
	}

	@Test
	void theDrillDownShowsTheCountysOwnLevelAndEachChamberAndMembersAreDistinctWithinEachRow() {
		List<ActivityTotals> below = figures.below(scene.tree.county(), scene.day(), scene.day());

		assertThat(below).extracting(ActivityTotals::orgId).containsExactlyInAnyOrder(scene.tree.county(), scene.tree.chamber(),
				scene.secondChamber);
		assertThat(below.get(0).orgId()).isEqualTo(scene.tree.county());
		ActivityTotals own = row(below, scene.tree.county());
		assertThat(own).extracting(ActivityTotals::held, ActivityTotals::personTimes, ActivityTotals::registered,
				ActivityTotals::registeredAttended, ActivityTotals::organizations, ActivityTotals::organizationsWithout)
			.containsExactly(1L, 4L, 3L, 2L, 1L, 0L);
		ActivityTotals chamber = row(below, scene.tree.chamber());
		assertThat(chamber).extracting(ActivityTotals::held, ActivityTotals::governance, ActivityTotals::forums,
				ActivityTotals::personTimes, ActivityTotals::registered, ActivityTotals::registeredAttended)
			.containsExactly(2L, 1L, 1L, 4L, 3L, 2L);
		ActivityTotals idle = row(below, scene.secondChamber);
		assertThat(idle).extracting(ActivityTotals::held, ActivityTotals::organizations, ActivityTotals::organizationsWithout)
			.containsExactly(0L, 1L, 1L);

		// members reached are distinct within each row: 3 + 3 below, 5 at the county, for 甲 came to both
		Map<Long, Long> reached = figures.membersReachedBelow(scene.tree.county(), scene.day(), scene.day());
		assertThat(reached).containsExactlyInAnyOrderEntriesOf(Map.of(scene.tree.county(), 3L, scene.tree.chamber(), 3L,
				scene.secondChamber, 0L));
		assertThat(figures.membersReached(scene.tree.county(), scene.day(), scene.day())).isEqualTo(5);
	}

	@Test
	void aProvinceCountsBothCountiesAndANeighboursSubtreeIsNotFound() {
		ActivityScene.signIn(scene.tree.account(scene.tree.province(), Role.FEDERATION_ADMIN));
		ActivityTotals province = figures.totals(scene.tree.province(), scene.day(), scene.day());
		assertThat(province.held()).isEqualTo(4);
		assertThat(province.personTimes()).isEqualTo(9);
		assertThat(province.membersReached()).isEqualTo(6L);
		// the province, 长安区 and its two chambers, 桥西区 and its chamber: the province, the second chamber and 桥西区's chamber held none
		assertThat(province.organizations()).isEqualTo(6);
		assertThat(province.organizationsWithout()).isEqualTo(3);

		ActivityScene.signIn(scene.countyStaff);
		assertThatThrownBy(() -> figures.totals(scene.tree.neighbourCounty(), scene.day(), scene.day()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> figures.below(scene.tree.province(), scene.day(), scene.day()))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void theGenericFiguresApiPicksTheSourceUpWithTheRatesPartsNamed() {
		scene.councilMinutes();
		String period = "?from=" + scene.day() + "&to=" + scene.day();
		String definitions = Api.get(port, "/api/v1/figures", scene.countyToken).body();
		assertThat(definitions).contains("{\"key\":\"activity.attendanceRate\",\"label\":\"到会率\",\"unit\":\"RATE\","
				+ "\"rollUp\":{\"kind\":\"RATIO\",\"numerator\":\"activity.registeredAttended\",\"denominator\":\"activity.registered\"},"
				+ "\"timing\":\"PERIOD\"}", "\"key\":\"activity.membersReached\"", "\"key\":\"activity.idleShare\"");

		HttpResponse<String> rate = Api.get(port, "/api/v1/organizations/" + scene.tree.county() + "/figures/activity.attendanceRate"
				+ period, scene.countyToken);
		assertThat(rate.statusCode()).as(rate.body()).isEqualTo(200);
		assertThat(rate.body()).contains(
				"\"value\":{\"value\":66.66,\"numerator\":{\"key\":\"activity.registeredAttended\",\"value\":4},"
						+ "\"denominator\":{\"key\":\"activity.registered\",\"value\":6}}",
				"\"orgId\":" + scene.secondChamber + ",\"orgName\":\"长安区第二活动统计商会" + scene.tree.tag() + "\",\"own\":false,"
						+ "\"value\":{\"numerator\":{\"key\":\"activity.registeredAttended\",\"value\":0}");
		assertThat(Api.get(port, "/api/v1/organizations/" + scene.tree.county() + "/figures/activity.idleShare" + period,
				scene.countyToken).body()).contains("\"value\":{\"value\":33.33,\"numerator\":{\"key\":\"activity.organizationsWithout\","
						+ "\"value\":1},\"denominator\":{\"key\":\"activity.organizations\",\"value\":3}}");
		assertThat(Api.get(port, "/api/v1/organizations/" + scene.tree.county() + "/figures/activity.personTimes" + period,
				scene.countyToken).body()).contains("\"value\":{\"value\":8}",
						"{\"orgId\":" + scene.tree.county() + ",\"orgName\":\"" + scene.tree.countyName() + "\",\"own\":true,\"value\":{\"value\":4}}");
		// the members reached come from a source of their own, each row distinct within itself
		assertThat(Api.get(port, "/api/v1/organizations/" + scene.tree.county() + "/figures/activity.membersReached" + period,
				scene.countyToken).body()).contains("\"value\":{\"value\":5}",
						"{\"orgId\":" + scene.tree.chamber() + ",\"orgName\":\"长安区活动统计商会" + scene.tree.tag()
								+ "\",\"own\":false,\"value\":{\"value\":3}}");
		// outside the county's subtree: not found, like an unknown id
		assertThat(Api.get(port, "/api/v1/organizations/" + scene.tree.neighbourCounty() + "/figures/activity.held" + period,
				scene.countyToken).statusCode()).isEqualTo(404);
	}

	@Test
	void theFiguresPageAndTheDashboardPanelShowTheCounty() {
		WebSession session = WebSession.signedIn(port, scene.countyStaff.getUsername(), TestAccounts.PASSWORD);
		String page = session.get("/figures/activities?org=" + scene.tree.county() + "&from=" + scene.day() + "&to=" + scene.day())
			.body();
		assertThat(page).contains("data-testid=\"figure-held\">3<", "data-testid=\"figure-person-times\">8<",
				"data-testid=\"figure-attendance-rate\">66.66 %<", "报名 6 人中到会 4 人", "覆盖会员 5 个", "3 个组织中 1 个未开展活动",
				"data-testid=\"figure-kind-GOVERNANCE\">1<", "长安区第二活动统计商会");
		assertThat(session.get("/figures/activities?org=" + scene.tree.neighbourCounty()).statusCode()).isEqualTo(404);
		assertThat(session.get("/activities/panels/summary").body()).contains("data-testid=\"panel-held\"");
		assertThat(session.get("/").body()).contains("/activities/panels/summary");
	}

	private static ActivityTotals row(List<ActivityTotals> rows, long orgId) {
		return rows.stream().filter(row -> row.orgId() == orgId).findFirst().orElseThrow();
	}

}
