package org.chamberlink.member;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.privacy.PersonalData;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The staging table of a member import ({@link MemberImportWriter}): the checked rows COPYed in,
 * personal data encrypted on the way, each matched to the party already known by its credit code (an
 * enterprise's or an outside body's, one key), identity number, or a person's name and phone. The table lives until the transaction ends.
 */
@Component
class MemberImportStage {

	private final PersonalData personalData;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	MemberImportStage(PersonalData personalData, JdbcClient jdbc, DataSource dataSource) {
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Stages the rows and sets the party each one names where it is already known. */
	void load(List<MemberImportCheck.Row> good, OrganizationSummary target, DataScope scope) {
		jdbc.sql("""
				create temporary table member_import_stage (
				    row_no int, kind varchar(10), name varchar(200), name_key varchar(200), credit_code varchar(18),
				    enterprise_kind varchar(20), legal_representative varchar(50), industry_code varchar(2),
				    size_class varchar(8), employees int, region_code varchar(12), out_of_town boolean,
				    high_tech boolean, gender varchar(6), id_number_cipher bytea, id_number_hash bytea,
				    id_number_masked varchar(18), party_member boolean, public_roles varchar(200), phone_cipher bytea,
				    phone_hash bytea, phone_masked varchar(11), phone_last4 varchar(4), role varchar(20),
				    tier varchar(10), joined_on date, party_id bigint, new_party boolean not null default false,
				    unchanged boolean not null default false, unseen boolean not null default false
				) on commit drop
				""").update();
		copy(good);
		jdbc.sql("analyze member_import_stage").update();
		jdbc.sql("""
				update member_import_stage s set party_id = p.id from party p
				where s.credit_code is not null and p.credit_code = s.credit_code and p.status = 'ACTIVE'
				""").update();
		jdbc.sql("""
				update member_import_stage s set party_id = p.id from party p
				where s.kind = 'PERSON' and s.id_number_hash is not null and p.id_number_hash = s.id_number_hash
				  and p.status = 'ACTIVE'
				""").update();
		// a person without identity number is recognised by name and phone only among the subtree's own contacts
		jdbc.sql("""
				update member_import_stage s set party_id = p.id from party_contact c join party p on p.id = c.party_id
				where s.kind = 'PERSON' and s.party_id is null and s.id_number_hash is null and s.phone_hash is not null
				  and c.phone_hash = s.phone_hash and %s and p.kind = 'PERSON' and p.name = s.name
				  and p.status = 'ACTIVE'
				""".formatted(scope.on("c.org_path"))).params(scope.param()).update();
		jdbc.sql("""
				update member_import_stage s set party_id = m.party_id
				from membership m join party p on p.id = m.party_id
				where s.kind = 'PERSON' and s.party_id is null and s.id_number_hash is null and s.phone_hash is null
				  and m.org_id = :org and p.kind = 'PERSON' and p.name = s.name and p.status = 'ACTIVE'
				""").param("org", target.id()).update();
	}

	/** COPY the checked rows into the staging table, personal data encrypted on the way. */
	private void copy(List<MemberImportCheck.Row> good) {
		StringBuilder csv = new StringBuilder(good.size() * 400);
		HexFormat hex = HexFormat.of();
		for (MemberImportCheck.Row row : good) {
			NewMember m = row.member;
			boolean enterprise = m.kind() == PartyKind.ENTERPRISE;
			boolean group = m.kind() == PartyKind.GROUP;
			boolean person = m.kind() == PartyKind.PERSON;
			PersonalValues id = person ? PersonalValues.identityNumber(personalData, m.idNumber()) : PersonalValues.NONE;
			PersonalValues phone = group ? PersonalValues.NONE : PersonalValues.phone(personalData, m.phone());
			String name = m.name().trim();
			Object[] values = { row.number, m.kind().name(), name, PartyNames.key(name),
					enterprise || group ? m.creditCode().trim() : null, enterprise ? m.enterpriseKind().name() : null,
					enterprise ? blankToNull(m.legalRepresentative()) : null, blankToNull(m.industryCode()),
					enterprise && m.sizeClass() != null ? m.sizeClass().name() : null, enterprise ? m.employees() : null,
					blankToNull(m.regionCode()), Boolean.TRUE.equals(m.outOfTown()), Boolean.TRUE.equals(m.highTech()),
					person && m.gender() != null ? m.gender().name() : null, bytes(hex, id.cipher()),
					bytes(hex, id.hash()), id.masked(), person && Boolean.TRUE.equals(m.partyMember()),
					person ? blankToNull(m.publicRoles()) : null, bytes(hex, phone.cipher()), bytes(hex, phone.hash()),
					phone.masked(), phone.last4(), m.role().name(), m.effectiveTier().name(), m.joinedOn() };
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				if (values[i] != null) {
					csv.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
				}
			}
			csv.append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("""
						copy member_import_stage (row_no, kind, name, name_key, credit_code, enterprise_kind,
						    legal_representative, industry_code, size_class, employees, region_code, out_of_town, high_tech,
						    gender, id_number_cipher, id_number_hash, id_number_masked, party_member, public_roles,
						    phone_cipher, phone_hash, phone_masked, phone_last4, role, tier, joined_on)
						from stdin with (format csv)
						""", new StringReader(csv.toString()));
		}
		catch (SQLException | java.io.IOException e) {
			throw new IllegalStateException("COPY into the import staging table failed", e);
		}
	}

	private static String bytes(HexFormat hex, byte[] value) {
		return value == null ? null : "\\x" + hex.formatHex(value);
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
