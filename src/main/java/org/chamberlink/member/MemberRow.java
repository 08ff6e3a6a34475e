package org.chamberlink.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.springframework.jdbc.core.RowMapper;

/** One line of the member list: a membership with its party's key facts (phone masked). */
public record MemberRow(Long membershipId, Long partyId, PartyKind kind, EnterpriseKind enterpriseKind, String name,
		String creditCode, String phoneMasked, String industryCode, String regionCode, boolean outOfTown,
		boolean highTech, Long orgId, String orgName, MemberRole role, Tier tier, LocalDate joinedOn,
		LocalDate leftOn) {

	/**
	 * Reads a row of {@link MemberQuery#COLUMNS} by hand: an export maps a hundred thousand rows,
	 * and the reflective mapper took several seconds of it.
	 */
	static final RowMapper<MemberRow> MAPPER = MemberRow::read;

	private static MemberRow read(ResultSet rs, int rowNum) throws SQLException {
		String enterpriseKind = rs.getString("enterprise_kind");
		return new MemberRow(rs.getLong("membership_id"), rs.getLong("party_id"), PartyKind.valueOf(rs.getString("kind")),
				enterpriseKind == null ? null : EnterpriseKind.valueOf(enterpriseKind), rs.getString("name"),
				rs.getString("credit_code"), rs.getString("phone_masked"), rs.getString("industry_code"),
				rs.getString("region_code"), rs.getBoolean("out_of_town"), rs.getBoolean("high_tech"),
				rs.getLong("org_id"), null, MemberRole.valueOf(rs.getString("role")),
				Tier.valueOf(rs.getString("tier")), rs.getObject("joined_on", LocalDate.class),
				rs.getObject("left_on", LocalDate.class));
	}

	/** The row with its organisation's name, which the member module reads from the organisation module. */
	MemberRow named(java.util.Map<Long, String> names) {
		return new MemberRow(membershipId, partyId, kind, enterpriseKind, name, creditCode, phoneMasked, industryCode,
				regionCode, outOfTown, highTech, orgId, names.get(orgId), role, tier, joinedOn, leftOn);
	}

	public MembershipStatus status(LocalDate today) {
		return leftOn == null || leftOn.isAfter(today) ? MembershipStatus.ACTIVE : MembershipStatus.LEFT;
	}

}
