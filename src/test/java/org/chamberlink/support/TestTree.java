package org.chamberlink.support;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;

/**
 * One test's own organisation subtree: a province federation with two counties of Shijiazhuang,
 * 长安区 (130102) with a chamber and 桥西区 (130104) with the neighbouring chamber, every node
 * named with the tree's tag. Nothing another test writes is inside it, so a test arranges its data
 * here, asserts on it, and never cleans up or depends on what ran before.
 */
public record TestTree(OrganizationFixture fixture, String tag, long province, long county, long chamber,
		long neighbourCounty, long neighbour) {

	static TestTree plant(OrganizationFixture fixture, String topic) {
		String tag = fixture.uniqueTag();
		long province = fixture.federation("PROVINCE", topic + "测试省工商联" + tag, "13", null);
		long county = fixture.federation("COUNTY", "长安区工商联" + tag, "130102", province);
		long chamber = fixture.chamber("INDUSTRY", "长安区" + topic + "商会" + tag, "130102", county);
		long neighbourCounty = fixture.federation("COUNTY", "桥西区工商联" + tag, "130104", province);
		long neighbour = fixture.chamber("INDUSTRY", "桥西区" + topic + "商会" + tag, "130104", neighbourCounty);
		return new TestTree(fixture, tag, province, county, chamber, neighbourCounty, neighbour);
	}

	public String countyName() {
		return "长安区工商联" + tag;
	}

	/** A bearer token of a new account bound to the node (its data scope is the node's subtree). */
	public String token(long node, Role role) {
		return fixture.tokenIn(node, role);
	}

	/** A new account bound to the node, password {@link TestAccounts#PASSWORD}. */
	public AccountPrincipal account(long node, Role role) {
		return fixture.account(node, role);
	}

}
