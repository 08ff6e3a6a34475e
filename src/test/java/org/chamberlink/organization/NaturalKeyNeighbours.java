package org.chamberlink.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.chamberlink.member.PartyKind;
import org.chamberlink.support.Api;
import org.chamberlink.support.MemberFixture;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neighbouring organisation and the members its administrator entered: an enterprise and a
 * person, each with a phone, an e-mail (carrying the private marker) and a history naming the
 * organisation and its staff (both carrying the marker too). The registered names carry only the
 * shared marker: they are the facts every organisation of a shared party may see.
 * <p>
 * Attaching a neighbour's party by its credit code or identity number is intended (a member of
 * two chambers is entered once), and once attached the party IS in the caller's scope; so
 * {@link #party} hands out a fresh one whenever the last one was attached.
 */
final class NaturalKeyNeighbours {

	/** The neighbours' members are registered in a township of the other county. */
	static final String REGION = "130709100";

	record Party(long id, PartyKind kind, String name, String creditCode, String idNumber, String phone) {
	}

	private static final AtomicLong SEQUENCE = new AtomicLong();

	final long org;

	final String orgName;

	/** The neighbour's parent federation, out of the caller's scope. */
	final long parent;

	private final int port;

	private final JdbcClient jdbc;

	private final String token;

	private final String marker;

	private final String sharedMarker;

	private final Map<PartyKind, Party> current = new EnumMap<>(PartyKind.class);

	private final List<Party> entered = new ArrayList<>();

	NaturalKeyNeighbours(int port, JdbcClient jdbc, long org, String orgName, long parent, String token, String marker,
			String sharedMarker) {
		this.port = port;
		this.jdbc = jdbc;
		this.org = org;
		this.orgName = orgName;
		this.parent = parent;
		this.token = token;
		this.marker = marker;
		this.sharedMarker = sharedMarker;
	}

	/** The neighbour's enterprise or person, not attached to anyone else (entered now if need be). */
	Party party(PartyKind kind) {
		Party party = current.get(kind);
		if (party == null || attachedElsewhere(party)) {
			party = enter(kind);
			current.put(kind, party);
			entered.add(party);
		}
		return party;
	}

	/** Every party the neighbour entered so far. */
	List<Party> entered() {
		return entered;
	}

	/** Whether the party has a membership outside the neighbour (another organisation attached it). */
	boolean attachedElsewhere(Party party) {
		return jdbc.sql("select count(*) from membership where party_id = :party and org_id <> :org")
			.param("party", party.id())
			.param("org", org)
			.query(Long.class)
			.single() > 0;
	}

	private Party enter(PartyKind kind) {
		long n = SEQUENCE.incrementAndGet();
		String phone = MemberFixture.phone();
		String json;
		Party party;
		if (kind == PartyKind.ENTERPRISE) {
			String name = sharedMarker + "企业" + n;
			String code = MemberFixture.creditCode();
			json = "{\"kind\":\"ENTERPRISE\",\"orgId\":" + org + ",\"name\":\"" + name + "\",\"creditCode\":\"" + code
					+ "\",\"enterpriseKind\":\"PRIVATE_ENTERPRISE\",\"legalRepresentative\":\"张三\",\"industryCode\":\"13\""
					+ ",\"sizeClass\":\"SMALL\",\"employees\":25,\"regionCode\":\"" + REGION + "\",\"phone\":\"" + phone
					+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}";
			party = new Party(MemberFixture.created(Api.post(port, "/api/v1/members", token, json)), kind, name, code,
					null, phone);
		}
		else {
			String name = sharedMarker + "个人" + n;
			String id = MemberFixture.identityNumber();
			json = "{\"kind\":\"PERSON\",\"orgId\":" + org + ",\"name\":\"" + name + "\",\"gender\":\"FEMALE\""
					+ ",\"idNumber\":\"" + id + "\",\"regionCode\":\"" + REGION + "\",\"phone\":\"" + phone
					+ "\",\"role\":\"MEMBER\",\"joinedOn\":\"2024-03-01\"}";
			party = new Party(MemberFixture.created(Api.post(port, "/api/v1/members", token, json)), kind, name, null,
					id, phone);
		}
		var email = Api.put(port, "/api/v1/parties/" + party.id() + "/email", token,
				"{\"email\":\"" + marker + party.id() + "@example.com\"}");
		assertThat(email.statusCode()).as(email.body()).isEqualTo(200);
		return party;
	}

	// ---- issue 21: names the neighbour typed into the economic services (a merchant, a bank's agreement, a project)

	/** The neighbour's partner merchant, bank (of an agreement in force) and investment project, by name; null until entered. */
	String merchantName;

	String bankName;

	String projectName;

	/** Enters the neighbour's merchant, bank agreement and investment project, each named with the private marker. */
	void economicServices() {
		long n = SEQUENCE.incrementAndGet();
		merchantName = "邻商户" + marker + n;
		bankName = "邻银行" + marker + n;
		projectName = "邻项目" + marker + n;
		var merchant = Api.post(port, "/api/v1/merchants", token, "{\"orgId\":" + org + ",\"name\":\"" + merchantName
				+ "\",\"category\":\"CATERING\",\"address\":\"某路1号\",\"terms\":\"九折\",\"startsOn\":\"2024-01-01\"}");
		assertThat(merchant.statusCode()).as(merchant.body()).isEqualTo(201);
		var agreement = Api.post(port, "/api/v1/finance/agreements", token, "{\"orgId\":" + org + ",\"bank\":\"" + bankName
				+ "\",\"signedOn\":\"2024-01-01\",\"creditLine\":\"10000000\",\"terms\":\"联保贷款\",\"startsOn\":\"2024-01-01\"}");
		assertThat(agreement.statusCode()).as(agreement.body()).isEqualTo(201);
		var project = Api.post(port, "/api/v1/investment/projects", token, "{\"orgId\":" + org + ",\"name\":\"" + projectName
				+ "\",\"industryCode\":\"38\",\"investorName\":\"某集团\",\"originCode\":\"33\",\"planned\":\"1000000\"}");
		assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
	}

	// ---- end issue 21

	/**
	 * What the neighbouring organisations hold, by section: their organisation rows (name, region,
	 * parent, path …), their memberships, their parties' rows (shared facts, phone and e-mail), their
	 * join applications, and how many history entries concern them. Whole rows as JSON, so a column
	 * the fix adds is covered too; only the party's version is left out.
	 */
	static Map<String, String> fingerprint(JdbcClient jdbc, Collection<Long> orgs) {
		Map<String, String> sections = new LinkedHashMap<>();
		sections.put("organisations", text(jdbc, "select string_agg(to_jsonb(o)::text, ' | ' order by o.id) "
				+ "from organization o where o.id in (:orgs)", orgs));
		sections.put("memberships", text(jdbc, "select string_agg(to_jsonb(m)::text, ' | ' order by m.id) "
				+ "from membership m where m.org_id in (:orgs)", orgs));
		sections.put("parties", text(jdbc, "select string_agg((to_jsonb(p) - 'version')::text, ' | ' order by p.id) "
				+ "from party p where exists (select 1 from membership m where m.party_id = p.id and m.org_id in (:orgs))",
				orgs));
		sections.put("join applications", text(jdbc, "select string_agg(to_jsonb(a)::text, ' | ' order by a.id) "
				+ "from join_application a where a.org_id in (:orgs)", orgs));
		// ---- issue 21: the neighbours' merchants, bank agreements, loan referrals and investment projects
		sections.put("merchants", text(jdbc, "select string_agg(to_jsonb(x)::text, ' | ' order by x.id) "
				+ "from benefit_merchant x where x.org_id in (:orgs)", orgs));
		sections.put("agreements", text(jdbc, "select string_agg(to_jsonb(x)::text, ' | ' order by x.id) "
				+ "from finance_agreement x where x.org_id in (:orgs)", orgs));
		sections.put("referrals", text(jdbc, "select string_agg(to_jsonb(x)::text, ' | ' order by x.id) "
				+ "from finance_referral x where x.org_id in (:orgs)", orgs));
		sections.put("projects", text(jdbc, "select string_agg(to_jsonb(x)::text, ' | ' order by x.id) "
				+ "from investment_project x where x.org_id in (:orgs)", orgs));
		// ---- end issue 21
		sections.put("history", text(jdbc, "select count(*)::text from audit_log where org_id in (:orgs) or "
				+ "(entity_type = 'Organization' and entity_id in (:orgs))", orgs));
		return sections;
	}

	private static String text(JdbcClient jdbc, String sql, Collection<Long> orgs) {
		List<Object> ids = new ArrayList<>(orgs);
		sql = "select coalesce((" + sql + "), '')";
		if (sql.contains("entity_id in")) {
			// audit_log.entity_id is text
			return jdbc.sql(sql.replace("entity_id in (:orgs)", "entity_id in (:names)"))
				.param("orgs", ids)
				.param("names", orgs.stream().map(String::valueOf).toList())
				.query(String.class)
				.single();
		}
		return jdbc.sql(sql).param("orgs", ids).query(String.class).single();
	}

}
