package org.chamberlink.honour;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;

/**
 * An honour programme (表彰项目): its organiser and the organiser's path, who it may honour, the
 * levels it awards at, the cycle (year), certificate and plaque, and the eligibility rules the
 * system checks at each nomination.
 */
public record Programme(Long id, Long orgId, String orgPath, String orgName, String name, String coOrganizerName,
		Set<HonoreeKind> honoreeKinds, List<HonourLevel> levels, int cycle, boolean certificate, boolean plaque,
		boolean selfApply, boolean rulePartyMember, boolean ruleDues, Integer ruleMinYears, boolean ruleOnce,
		boolean ruleRegistered, int noticeDays, long version) {

	static final String COLUMNS = """
			select p.id, p.org_id, p.org_path, p.name, p.co_organizer_name, p.honoree_kinds, p.levels, p.cycle, p.certificate,
			       p.plaque, p.self_apply, p.rule_party_member, p.rule_dues, p.rule_min_years, p.rule_once, p.rule_registered,
			       p.notice_days, p.version
			from honour_programme p
			""";

	static final RowMapper<Programme> MAPPER = (rs, n) -> new Programme(rs.getLong("id"), rs.getLong("org_id"),
			rs.getString("org_path"), null, rs.getString("name"), rs.getString("co_organizer_name"), kinds(rs),
			levels(rs.getArray("levels")), rs.getInt("cycle"), rs.getBoolean("certificate"), rs.getBoolean("plaque"),
			rs.getBoolean("self_apply"), rs.getBoolean("rule_party_member"), rs.getBoolean("rule_dues"),
			(Integer) rs.getObject("rule_min_years"), rs.getBoolean("rule_once"), rs.getBoolean("rule_registered"),
			rs.getInt("notice_days"), rs.getLong("version"));

	Programme named(String organizer) {
		return new Programme(id, orgId, orgPath, organizer, name, coOrganizerName, honoreeKinds, levels, cycle, certificate, plaque,
				selfApply, rulePartyMember, ruleDues, ruleMinYears, ruleOnce, ruleRegistered, noticeDays, version);
	}

	/** The highest level: the organiser's own. */
	public HonourLevel topLevel() {
		return levels.get(levels.size() - 1);
	}

	/** The programme's level just below this one, if it runs one. */
	public HonourLevel levelBelow(HonourLevel level) {
		int at = levels.indexOf(level);
		return at > 0 ? levels.get(at - 1) : null;
	}

	/** The programme's level just above this one, if it runs one. */
	public HonourLevel levelAbove(HonourLevel level) {
		int at = levels.indexOf(level);
		return at >= 0 && at < levels.size() - 1 ? levels.get(at + 1) : null;
	}

	private static Set<HonoreeKind> kinds(ResultSet rs) throws SQLException {
		Set<HonoreeKind> kinds = EnumSet.noneOf(HonoreeKind.class);
		for (Object kind : (Object[]) rs.getArray("honoree_kinds").getArray()) {
			kinds.add(HonoreeKind.valueOf(kind.toString()));
		}
		return kinds;
	}

	private static List<HonourLevel> levels(Array array) throws SQLException {
		List<HonourLevel> levels = new ArrayList<>();
		for (Object level : (Object[]) array.getArray()) {
			levels.add(HonourLevel.valueOf(level.toString()));
		}
		levels.sort(null);
		return List.copyOf(levels);
	}

}
