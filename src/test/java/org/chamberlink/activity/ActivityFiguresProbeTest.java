package org.chamberlink.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A probe of the activity figures' speed at the province scale (docs/benchmarks.md), not a
 * timed test: 50,000 activities (three in four held) and 2,000,000 attendee rows (35 of 40 checked
 * in each, 20,000 distinct members) inserted set-based into a test tree, vacuumed, then each figure
 * of the province asked ten times after three warm-ups, the median and the slowest printed. Runs
 * only when asked: {@code -Dactivity.figures.probe=true}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "activity.figures.probe", matches = "true")
class ActivityFiguresProbeTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityFigures figures;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void figuresOfAProvinceYear() {
		TestTree tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("探测");
		String path = path(tree.chamber());
		String neighbour = path(tree.neighbour());
		long started = System.nanoTime();
		jdbc.sql("""
				insert into activity (org_id, org_path, kind, title, starts_at, ends_at, place, audience, status, registered, attended,
				    registered_attended, members_attended, quorum_met, created_by, created_at)
				select case when g % 2 = 0 then :a else :b end, case when g % 2 = 0 then :pa else :pb end,
				    (array['TRAINING', 'FORUM', 'COUNCIL', 'CHARITY'])[1 + g % 4], 'probe',
				    timestamptz '2025-01-01 09:00+08' + (g % 365) * interval '1 day',
				    timestamptz '2025-01-01 11:00+08' + (g % 365) * interval '1 day', 'p', 'SUBTREE',
				    (array['HELD', 'CLOSED', 'PUBLISHED', 'HELD'])[1 + g % 4], 40, 35, 30, 30,
				    case when g % 4 = 2 then g % 3 = 0 end, 0, now()
				from generate_series(1, 50000) g
				""").param("a", tree.chamber()).param("b", tree.neighbour()).param("pa", path).param("pb", neighbour).update();
		jdbc.sql("""
				insert into activity_attendee (activity_id, membership_id, party_id, status, walk_in, registered_at, checked_in_at,
				    check_in_way)
				select a.id, 1, (a.id * 7 + s) % 20000, 'REGISTERED', false, now(), case when s < 35 then now() end,
				    case when s < 35 then 'STAFF' end
				from activity a cross join generate_series(0, 39) s where a.title = 'probe' and a.org_path in (:pa, :pb)
				""").param("pa", path).param("pb", neighbour).update();
		jdbc.sql("vacuum analyze activity").update();
		jdbc.sql("vacuum analyze activity_attendee").update();
		System.out.printf(Locale.ROOT, "PROBE set-up %.1f s%n", (System.nanoTime() - started) / 1e9);

		ActivityScene.signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		LocalDate from = LocalDate.of(2025, 1, 1);
		LocalDate to = LocalDate.of(2025, 12, 31);
		time("counts(province)", () -> figures.counts(tree.province(), from, to));
		time("below(province)", () -> figures.below(tree.province(), from, to));
		time("counts(county)", () -> figures.counts(tree.county(), from, to));
		time("membersReached(province)", () -> figures.membersReached(tree.province(), from, to));
		time("membersReachedBelow(province)", () -> figures.membersReachedBelow(tree.province(), from, to));
	}

	private String path(long org) {
		return jdbc.sql("select path from organization where id = :id").param("id", org).query(String.class).single();
	}

	private static void time(String what, Supplier<Object> call) {
		for (int i = 0; i < 3; i++) {
			call.get();
		}
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			long t0 = System.nanoTime();
			call.get();
			millis.add((System.nanoTime() - t0) / 1_000_000);
		}
		millis.sort(null);
		System.out.printf(Locale.ROOT, "PROBE %-32s median %5d ms, slowest %5d ms%n", what, millis.get(5), millis.get(9));
	}

}
