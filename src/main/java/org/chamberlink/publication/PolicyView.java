package org.chamberlink.publication;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/** A policy of the library. */
public record PolicyView(Long id, Long orgId, String orgPath, String title, String issuer, String docNumber, LocalDate issuedOn,
		LocalDate validFrom, LocalDate validTo, List<String> regionCodes, List<String> industryCodes, List<PolicyTopic> topics,
		String body, String status) {

	static final String COLUMNS = """
			select p.id, p.org_id, p.org_path, p.title, p.issuer, p.doc_number, p.issued_on, p.valid_from, p.valid_to, p.region_codes,
			       p.industry_codes, p.topics, p.body, p.status
			from policy p
			""";

	static final RowMapper<PolicyView> MAPPER = (rs, n) -> new PolicyView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
			rs.getString("title"), rs.getString("issuer"), rs.getString("doc_number"), rs.getObject("issued_on", LocalDate.class),
			rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), strings(rs, "region_codes"),
			strings(rs, "industry_codes"), strings(rs, "topics").stream().map(PolicyTopic::valueOf).toList(), rs.getString("body"),
			rs.getString("status"));

	/** Still in force on the day: begun (or no start given) and not expired. */
	public boolean validOn(LocalDate day) {
		return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
	}

	static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
