package org.chamberlink.survey;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One test's surveys in its own tree: the county's staff build and publish surveys for the county's
 * subtree (the neighbouring county's staff theirs); individual members of the county's chamber, of
 * the county itself and of the neighbour sign in to the portal.
 */
final class SurveyScene {

	final int port;

	final TestTree tree;

	final AccountPrincipal staff;

	final AccountPrincipal neighbourStaff;

	final String chamberToken;

	private final Surveys surveys;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	SurveyScene(int port, AccountManagement accounts, ApiTokens tokens, JdbcClient jdbc, Surveys surveys, String topic) {
		this.port = port;
		this.tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree(topic);
		this.surveys = surveys;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.staff = tree.account(tree.county(), Role.STAFF);
		this.neighbourStaff = tree.account(tree.neighbourCounty(), Role.STAFF);
		this.chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
	}

	static LocalDateTime now() {
		return LocalDateTime.now(ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
	}

	/** The satisfaction preset of the county, opened a minute ago and published. */
	Long openSatisfaction() {
		return as(staff, () -> {
			Long id = surveys.create(SurveyDraft.satisfactionPreset(tree.county(), tree.countyName(), now().minusMinutes(1)));
			surveys.publish(id);
			return id;
		});
	}

	/** A published named survey of the county with one required rating and one optional text. */
	Long openNamed(String title, LocalDateTime opens) {
		return as(staff, () -> {
			Long id = surveys.create(new SurveyDraft(tree.county(), title, null, false, opens, opens.plusDays(7), SurveyAudience.SUBTREE,
					Set.of(), Set.of(), List.of(), List.of(new Question(QuestionKind.RATING, "总体评价", true, List.of()),
							new Question(QuestionKind.TEXT, "建议", false, List.of()))));
			surveys.publish(id);
			return id;
		});
	}

	Long neighbours(String title) {
		return as(neighbourStaff, () -> {
			Long id = surveys.create(SurveyDraft.satisfactionPreset(tree.neighbourCounty(), title, now().minusMinutes(1)));
			surveys.publish(id);
			return id;
		});
	}

	/** An individual member of an organisation of the tree, with a portal sign-in. */
	AccountPrincipal member(long org, String name) {
		String token = org == tree.chamber() ? chamberToken
				: tree.token(org, org == tree.neighbour() ? Role.CHAMBER_ADMIN : Role.FEDERATION_ADMIN);
		long party = MemberFixture.person(port, token, org, name + tree.tag(), MemberFixture.identityNumber(), MemberFixture.phone());
		return CaseFixture.memberAccount(accounts, jdbc, party);
	}

	long partyOf(AccountPrincipal member) {
		return jdbc.sql("select party_id from member_account where account_id = :a").param("a", member.id()).query(Long.class).single();
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
