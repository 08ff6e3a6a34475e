package org.chamberlink.support;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds organisations through the API as a system administrator, as an integration would.
 * {@link #tree} plants a test's own subtree. Township chambers are unique per township, so a test
 * that needs one asks {@link #township} for a township nobody's chamber holds, never one fixed in
 * the test: the suite's tests then neither retire each other's chambers nor depend on their order.
 */
public class OrganizationFixture {

	private static final AtomicInteger TAGS = new AtomicInteger();

	/** Townships handed out in this JVM (one test database per JVM), taken or not yet. */
	private static final Set<String> HANDED_OUT = new HashSet<>();

	private final int port;

	private final AccountManagement accounts;

	private final ApiTokens tokens;

	private final JdbcClient jdbc;

	private final String admin;

	public OrganizationFixture(int port, AccountManagement accounts, ApiTokens tokens, JdbcClient jdbc) {
		this.port = port;
		this.accounts = accounts;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.admin = tokenIn(null, Role.SYSTEM_ADMIN);
	}

	public String admin() {
		return admin;
	}

	/** A province with two counties and a chamber in each, of this test alone (see {@link TestTree}). */
	public TestTree tree(String topic) {
		return TestTree.plant(this, topic);
	}

	public long federation(String level, String name, String region, Long parent) {
		return create("{\"type\":\"FEDERATION\",\"level\":\"" + level + "\",\"name\":\"" + name + "\",\"regionCode\":\""
				+ region + "\"" + (parent == null ? "" : ",\"parentId\":" + parent) + "}");
	}

	public long chamber(String kind, String name, String region, long parent) {
		return create("{\"type\":\"CHAMBER\",\"chamberKind\":\"" + kind + "\",\"name\":\"" + name
				+ "\",\"regionCode\":\"" + region + "\",\"parentId\":" + parent + "}");
	}

	public long create(String json) {
		return Json.created(Api.post(port, "/api/v1/organizations", admin, json));
	}

	/**
	 * A township (9-digit code) of the county that no active township chamber holds and that no
	 * other test of this run was given.
	 */
	public String township(String county) {
		synchronized (HANDED_OUT) {
			String code = jdbc.sql("""
					select r.code from region r
					where r.level = 'TOWNSHIP' and r.counts_for_coverage and r.code like :county || '%' and r.abolished_on is null
					  and not exists (select 1 from organization o
					                  where o.region_code = r.code and o.chamber_kind = 'TOWNSHIP' and o.status = 'ACTIVE')
					  and not (r.code = any (:handedOut))
					  -- 西兆通镇 is the pickers' example (issue 15): no test settles or abolishes it
					  and r.code <> '130102100'
					order by r.code limit 1
					""")
				.param("county", county)
				.param("handedOut", HANDED_OUT.toArray(String[]::new))
				.query(String.class)
				.optional()
				.orElseThrow(() -> new IllegalStateException("every township of " + county + " is taken"));
			HANDED_OUT.add(code);
			return code;
		}
	}

	public String tokenIn(Long orgId, Role role) {
		return tokens.create(account(orgId, role).id(), "test").secret();
	}

	public AccountPrincipal account(Long orgId, Role role) {
		return new TestAccounts(accounts).createIn(orgId, role);
	}

	/** A short suffix that makes this test's node names its own. */
	public String uniqueTag() {
		return "·" + Long.toString(System.nanoTime() % 1_000_000L, 36) + TAGS.incrementAndGet();
	}

}
