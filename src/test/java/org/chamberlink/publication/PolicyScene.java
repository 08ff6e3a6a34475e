package org.chamberlink.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One test's policy library in its own tree: the county's staff enter and publish policies; a
 * member of the county's chamber leads an enterprise of industry 13 (农副食品加工业, section C) in
 * 130102 and signs in to the portal.
 */
final class PolicyScene {

	final TestTree tree;

	final AccountPrincipal staff;

	final AccountPrincipal neighbourStaff;

	final AccountPrincipal member;

	final long memberParty;

	private final Policies policies;

	PolicyScene(int port, AccountManagement accounts, ApiTokens tokens, JdbcClient jdbc, Policies policies, String topic) {
		this.policies = policies;
		this.tree = new OrganizationFixture(port, accounts, tokens, jdbc).tree(topic);
		this.staff = tree.account(tree.county(), Role.STAFF);
		this.neighbourStaff = tree.account(tree.neighbourCounty(), Role.STAFF);
		String chamberToken = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		long enterprise = MemberFixture.enterprise(port, chamberToken, tree.chamber(), "长安食品有限公司" + tree.tag(),
				MemberFixture.creditCode(), MemberFixture.phone());
		this.memberParty = MemberFixture.person(port, chamberToken, tree.chamber(), "食品厂长" + tree.tag(), MemberFixture.identityNumber(),
				MemberFixture.phone());
		jdbc.sql("insert into party_leader (person_id, enterprise_id) values (:p, :e)").param("p", memberParty).param("e", enterprise)
			.update();
		this.member = CaseFixture.memberAccount(accounts, jdbc, memberParty);
	}

	/** A published policy of the county, valid from 2026 without end unless {@code validTo} is given. */
	Long published(String title, String issuer, List<String> regions, List<String> industries, Set<PolicyTopic> topics, String body,
			LocalDate validTo) {
		return as(staff, () -> {
			Long id = policies.create(new PolicyInput(tree.county(), title, issuer, "冀政办字〔2026〕" + Math.abs(title.hashCode() % 100) + "号",
					LocalDate.of(2026, 1, 5), validTo == null ? LocalDate.of(2026, 1, 5) : validTo.minusYears(1), validTo, regions,
					industries, topics, body));
			policies.publish(id);
			return id;
		});
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
