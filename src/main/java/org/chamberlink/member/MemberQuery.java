package org.chamberlink.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.organization.DataScope;
import org.chamberlink.shared.LikePattern;

/**
 * The SQL of the member list for one filter. Only the conditions a filter sets are written, so
 * PostgreSQL plans each combination on its own (a generic plan with {@code :x is null or ...}
 * for every field ignores the indexes at a million rows). The scope is always the first
 * condition, on the membership's copied organisation path.
 */
final class MemberQuery {

	static final String COLUMNS = """
			select m.id as membership_id, p.id as party_id, p.kind, p.enterprise_kind, p.name, p.credit_code,
			       c.phone_masked, p.industry_code, p.region_code, p.out_of_town, p.high_tech,
			       m.org_id, m.role, m.tier, m.joined_on, m.left_on
			""";

	static final String FROM = """
			from membership m
			join party p on p.id = m.party_id
			left join party_contact c on c.party_id = m.party_id and c.org_id = m.org_id
			""";

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new HashMap<>();

	private final String orderBy;

	/** Finds the parties an exact keyword names: by credit code, or by a phone suffix in the subtree's own contacts. */
	interface PartyLookup {

		List<Long> byCreditCode(String creditCode);

		List<Long> byPhoneSuffix(String last4);

	}

	MemberQuery(MemberFilter filter, DataScope scope, String orgPath, LocalDate today, PartyLookup parties) {
		within(scope);
		if (orgPath != null) {
			within(DataScope.subtree(orgPath));
		}
		// (Merged parties have no memberships left: a merge moves them, so no party status test is needed.)
		if (filter.kind() != null) {
			condition("m.party_kind = :kind", "kind", filter.kind().name());
		}
		if (filter.enterpriseKind() != null) {
			condition("m.enterprise_kind = :enterpriseKind", "enterpriseKind", filter.enterpriseKind().name());
		}
		if (filter.role() != null) {
			condition("m.role = :role", "role", filter.role().name());
		}
		if (filter.tier() != null) {
			condition("m.tier = :tier", "tier", filter.tier().name());
		}
		if (filter.industry() != null && !filter.industry().isBlank()) {
			String industry = filter.industry().trim().toUpperCase();
			if (industry.matches("[A-Z]")) {
				condition("m.industry_code in (select code from industry where section = :section)", "section",
						industry);
			}
			else {
				condition("m.industry_code = :industry", "industry", industry);
			}
		}
		if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
			condition("m.party_region_code like :region", "region", LikePattern.startingWith(filter.regionCode()));
		}
		if (filter.outOfTown() != null) {
			condition("m.out_of_town = :outOfTown", "outOfTown", filter.outOfTown());
		}
		if (filter.highTech() != null) {
			condition("m.high_tech = :highTech", "highTech", filter.highTech());
		}
		if (filter.status() == MembershipStatus.ACTIVE) {
			condition("(m.left_on is null or m.left_on > :today)", "today", today);
		}
		else if (filter.status() == MembershipStatus.LEFT) {
			condition("m.left_on <= :today", "today", today);
		}
		if (filter.joinYear() != null) {
			conditions.add("m.joined_on >= :joinedFrom and m.joined_on < :joinedBefore");
			params.put("joinedFrom", LocalDate.of(filter.joinYear(), 1, 1));
			params.put("joinedBefore", LocalDate.of(filter.joinYear() + 1, 1, 1));
		}
		keyword(filter.trimmedKeyword(), parties);
		this.orderBy = switch (filter.sort() == null ? "" : filter.sort()) {
			case "name" -> " order by m.party_name, m.id";
			// tree order, as the organisation list shows it: each organisation followed by those below it
			case "organization" -> " order by m.org_path, m.party_name, m.id";
			default -> " order by m.joined_on desc, m.id desc";
		};
	}

	/*
	 * A credit code or a phone suffix names a handful of parties at most: they are looked up
	 * first and the memberships found by party id, so the plan never depends on how PostgreSQL
	 * estimates a sub-select against a million-row scope.
	 */
	private void keyword(String keyword, PartyLookup parties) {
		if (keyword == null) {
			return;
		}
		if (keyword.matches("\\d{4}")) {
			// Four digits are a phone's last four (尾号); no name is written that way.
			byParty(parties.byPhoneSuffix(keyword));
		}
		else if (keyword.matches("[0-9A-Za-z]{18}")) {
			// Eighteen letters and digits are a credit code: found through its unique index, not by name.
			byParty(parties.byCreditCode(keyword.toUpperCase()));
		}
		else {
			condition("m.party_name like :nameLike", "nameLike", LikePattern.containing(keyword));
		}
	}

	private void byParty(List<Long> ids) {
		if (ids.isEmpty()) {
			conditions.add("false");
		}
		else {
			// Spring expands the list into one placeholder per id.
			condition("m.party_id in (:partyIds)", "partyIds", ids);
		}
	}

	private void within(DataScope scope) {
		conditions.add(scope.on("m.org_path"));
		params.putAll(scope.param());
	}

	private void condition(String sql, String name, Object value) {
		conditions.add(sql);
		params.put(name, value);
	}

	String where() {
		return " where " + String.join("\n  and ", conditions);
	}

	/** Every row, in order (exports). */
	String select() {
		return COLUMNS + FROM + where() + orderBy;
	}

	/**
	 * One page: the memberships are filtered, sorted and cut to the page on the membership table
	 * alone (its copies of the party's facts), and only the page's rows are joined.
	 */
	String page() {
		// the page's ids first, from the covering scope index alone; then the 20 rows themselves
		return COLUMNS + "from (select m.id from membership m" + where() + orderBy + " limit :limit offset :offset) page\n"
				+ "join membership m on m.id = page.id\njoin party p on p.id = m.party_id"
				+ "\nleft join party_contact c on c.party_id = m.party_id and c.org_id = m.org_id"
				+ orderBy;
	}

	String count() {
		return "select count(*) from membership m" + where();
	}

	Map<String, Object> params() {
		return params;
	}

}
