package org.chamberlink.member;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chamberlink.identity.AccountPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a signed-in member to choose what concerns them (the policy
 * library's "policies for me"): the industries (GB/T 4754 division and its section) and regions of
 * the member and of the enterprises they lead.
 */
@Service
public class MemberProfiles {

	/**
	 * @param industryCodes divisions (two digits) and their sections (one letter)
	 * @param regionCodes administrative division codes (the most precise known)
	 */
	public record Profile(Long partyId, Set<String> industryCodes, Set<String> regionCodes) {
	}

	private final JdbcClient jdbc;

	MemberProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<Profile> of(AccountPrincipal member) {
		Optional<Long> party = jdbc.sql("select party_id from member_account where account_id = :account")
			.param("account", member.id())
			.query(Long.class)
			.optional();
		return party.map(this::ofParty);
	}

	/** The profile of a member by party id (for notices to a party that subscribed). */
	@Transactional(readOnly = true)
	public Profile ofParty(Long partyId) {
		Optional<Long> party = Optional.of(partyId);
		record Row(String industry, String section, String region) {
		}
		List<Row> rows = jdbc.sql("""
				select p.industry_code, i.section, p.region_code
				from party p left join industry i on i.code = p.industry_code
				where p.id = :party or p.id in (select enterprise_id from party_leader where person_id = :party)
				""")
			.param("party", party.get())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		Set<String> industries = new LinkedHashSet<>();
		Set<String> regions = new LinkedHashSet<>();
		for (Row row : rows) {
			if (row.industry() != null) {
				industries.add(row.industry());
			}
			if (row.section() != null) {
				industries.add(row.section());
			}
			if (row.region() != null) {
				regions.add(row.region());
			}
		}
		return new Profile(party.get(), Set.copyOf(industries), Set.copyOf(regions));
	}

}
