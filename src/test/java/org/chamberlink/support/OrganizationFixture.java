package org.chamberlink.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds organisations through the API as a system administrator, as an integration would.
 * Township chambers are unique per township, so {@link #freeTownships} retires earlier tests'
 * chambers in the townships a test is about to use.
 */
public class OrganizationFixture {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

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

	public long federation(String level, String name, String region, Long parent) {
		return create("{\"type\":\"FEDERATION\",\"level\":\"" + level + "\",\"name\":\"" + name + "\",\"regionCode\":\""
				+ region + "\"" + (parent == null ? "" : ",\"parentId\":" + parent) + "}");
	}

	public long chamber(String kind, String name, String region, long parent) {
		return create("{\"type\":\"CHAMBER\",\"chamberKind\":\"" + kind + "\",\"name\":\"" + name
				+ "\",\"regionCode\":\"" + region + "\",\"parentId\":" + parent + "}");
	}

	public long create(String json) {
		var response = Api.post(port, "/api/v1/organizations", admin, json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		Matcher matcher = ID.matcher(response.body());
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	public void freeTownships(String... codes) {
		for (String code : codes) {
			jdbc.sql("update organization set status = 'DISSOLVED' where chamber_kind = 'TOWNSHIP' and region_code = :c")
				.param("c", code)
				.update();
		}
	}

	public String tokenIn(Long orgId, Role role) {
		var account = new TestAccounts(accounts).createIn(orgId, role);
		return tokens.create(account.id(), "test").secret();
	}

}
