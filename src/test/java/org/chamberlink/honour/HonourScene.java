package org.chamberlink.honour;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A city between the test tree's province and a county of its own (新华区, 130105) with a chamber:
 * the city runs programmes, the county nominates its chamber's members. The tree's own county
 * (长安区, directly under the province) is a neighbour the city does not reach.
 */
public record HonourScene(int port, JdbcClient jdbc, TestTree tree, long city, long county, long chamber, String chamberToken) {

	public static HonourScene plant(int port, OrganizationFixture fixture, JdbcClient jdbc, String topic) {
		TestTree tree = fixture.tree(topic);
		long city = fixture.federation("CITY", "石家庄市工商联" + tree.tag(), "1301", tree.province());
		long county = fixture.federation("COUNTY", "新华区工商联" + tree.tag(), "130105", city);
		long chamber = fixture.chamber("INDUSTRY", "新华区" + topic + "商会" + tree.tag(), "130105", county);
		return new HonourScene(port, jdbc, tree, city, county, chamber, fixture.tokenIn(chamber, Role.CHAMBER_ADMIN));
	}

	public AccountPrincipal account(long node, Role role) {
		return tree.account(node, role);
	}

	/** A new enterprise member of the scene's chamber (joined 2024-03-01); its membership id. */
	public long enterprise(String name) {
		long party = MemberFixture.enterprise(port, chamberToken, chamber, name + "有限公司" + tree.tag(), MemberFixture.creditCode(),
				MemberFixture.phone());
		return membershipOf(party);
	}

	/** A new person member (a party member, joined 2023-06-15) of the chamber; its membership id. */
	public long person(String name) {
		long party = MemberFixture.person(port, chamberToken, chamber, name, MemberFixture.identityNumber(), MemberFixture.phone());
		return membershipOf(party);
	}

	public long membershipOf(long party) {
		return jdbc.sql("select membership_id from published_membership where party_id = :p").param("p", party).query(Long.class)
			.single();
	}

	public long partyOf(long membership) {
		return jdbc.sql("select party_id from published_membership where membership_id = :m").param("m", membership)
			.query(Long.class).single();
	}

	public static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

}
