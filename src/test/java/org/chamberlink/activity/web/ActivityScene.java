package org.chamberlink.activity.web;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.chamberlink.activity.ActivityForm;
import org.chamberlink.activity.ActivityKind;
import org.chamberlink.activity.ActivityPlanning;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.TestAccounts;
import org.chamberlink.support.TestTree;
import org.chamberlink.support.WebSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One test's activities and members in its own tree: the county's staff plan and publish
 * trainings for the county's subtree (the neighbouring county's staff theirs), members of the
 * county's chamber sign in to the portal (individual members: only they have a sign-in).
 */
final class ActivityScene {

	final int port;

	final TestTree tree;

	final AccountPrincipal staff;

	final String chamberToken;

	private final ActivityPlanning planning;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	ActivityScene(int port, TestTree tree, ActivityPlanning planning, AccountManagement accounts, JdbcClient jdbc) {
		this.port = port;
		this.tree = tree;
		this.planning = planning;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.staff = tree.account(tree.county(), Role.STAFF);
		this.chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
	}

	static LocalDateTime now() {
		return LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
	}

	/** A published training of the county for its whole subtree, two hours long. */
	Long training(String title, LocalDateTime startsAt, Integer capacity) {
		return as(staff, () -> {
			Long id = planning.create(ActivityForm.of(tree.county(), ActivityKind.TRAINING, title, startsAt, startsAt.plusHours(2),
					"长安区会议中心", capacity));
			planning.publish(id);
			return id;
		});
	}

	Long draft(String title, LocalDateTime startsAt) {
		return as(staff, () -> planning.create(ActivityForm.of(tree.county(), ActivityKind.FORUM, title, startsAt,
				startsAt.plusHours(2), "长安区会堂", null)));
	}

	void cancel(Long id, String reason) {
		as(staff, () -> {
			planning.cancel(id, reason);
			return null;
		});
	}

	/** A published forum of the neighbouring county: outside the county's scope and its members' audience. */
	Long neighbours(String title, LocalDateTime startsAt) {
		return as(tree.account(tree.neighbourCounty(), Role.STAFF), () -> {
			Long id = planning.create(ActivityForm.of(tree.neighbourCounty(), ActivityKind.FORUM, title, startsAt,
					startsAt.plusHours(2), "桥西区会堂", 10));
			planning.publish(id);
			return id;
		});
	}

	/** An individual member of the county's chamber. */
	long person(String name) {
		return MemberFixture.person(port, chamberToken, tree.chamber(), name, MemberFixture.identityNumber(), MemberFixture.phone());
	}

	long enterprise(String name) {
		return MemberFixture.enterprise(port, chamberToken, tree.chamber(), name + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
	}

	/** The member's portal sign-in (password {@link TestAccounts#PASSWORD}, no change required). */
	AccountPrincipal member(long party) {
		return CaseFixture.memberAccount(accounts, jdbc, party);
	}

	WebSession web(AccountPrincipal account) {
		return WebSession.signedIn(port, account.getUsername(), TestAccounts.PASSWORD);
	}

	static <T> T as(AccountPrincipal account, Supplier<T> work) {
		var before = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(before);
		}
	}

}
