package org.chamberlink.member;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parties' registered names by id, for other modules' records that keep a party's id (a visit, a
 * case): one batch per page, so they never read the member module's tables. Unscoped: the caller
 * has read its own record within the caller's scope.
 */
@Service
public class PartyDirectory {

	private final JdbcClient jdbc;

	PartyDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The names of these parties; unknown ids are left out. */
	@Transactional(readOnly = true)
	public Map<Long, String> partyNamesByIdUnscoped(Collection<Long> partyIds) {
		Map<Long, String> names = new HashMap<>();
		if (partyIds.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, name from party where id = any(:ids)")
			.param("ids", partyIds.stream().distinct().toArray(Long[]::new))
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

}
