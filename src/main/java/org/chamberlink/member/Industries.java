package org.chamberlink.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The industry code list (117 rows of reference data), read once. */
@Service
public class Industries {

	private final JdbcClient jdbc;

	private volatile Map<String, Industry> byCode;

	Industries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Industry> all() {
		return List.copyOf(codes().values());
	}

	public Optional<Industry> find(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(codes().get(code.trim().toUpperCase()));
	}

	/** A division (two digits) that exists: the level members are classified at. */
	public boolean isDivision(String code) {
		return find(code).map(Industry::isDivision).orElse(false);
	}

	private Map<String, Industry> codes() {
		Map<String, Industry> codes = byCode;
		if (codes == null) {
			codes = new LinkedHashMap<>();
			for (Industry industry : jdbc.sql("select code, name, section from industry "
					+ "order by coalesce(section, code), section nulls first, code")
				.query(Industry.class)
				.list()) {
				codes.put(industry.code(), industry);
			}
			byCode = codes;
		}
		return codes;
	}

}
