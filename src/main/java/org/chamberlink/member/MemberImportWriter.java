package org.chamberlink.member;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.privacy.PersonalData;
import org.postgresql.PGConnection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Writes the checked rows of a member import, set-based: the rows are COPYed into a staging
 * table and moved with a few INSERT … SELECT statements in the caller's transaction; parties
 * already known are matched, not duplicated, so re-importing the same file changes nothing.
 */
@Component
class MemberImportWriter {

	private final PersonalData personalData;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	MemberImportWriter(PersonalData personalData, JdbcClient jdbc, DataSource dataSource, DataScopes scopes,
			ApplicationEventPublisher events) {
		this.scopes = scopes;
		this.events = events;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Returns {parties created, memberships added, rows unchanged}; publishes {@link MembershipsImported}. */
	int[] write(Long jobId, List<MemberImportCheck.Row> good, OrganizationSummary target) {
		if (good.isEmpty()) {
			return new int[] { 0, 0, 0 };
		}
		DataScope scope = scopes.current();
		// Connections plan every statement afresh (for the scope's LIKE); here that would re-plan the
		// foreign-key checks for each of 100,000 rows, so this transaction uses cached plans again.
		jdbc.sql("set local plan_cache_mode = auto").update();
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
				where s.kind = 'ENTERPRISE' and p.credit_code = s.credit_code and p.status = 'ACTIVE'
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
		// A party entered by an organisation outside the subtree is attached (decision 0019) and counted
		// as new, as it is to this subtree: the report must not tell which codes are registered elsewhere.
		int unseen = jdbc.sql("""
				update member_import_stage s set unseen = true
				where s.party_id is not null
				  and not exists (select 1 from membership m where m.party_id = s.party_id and %s)
				""".formatted(scope.on("m.org_path"))).params(scope.param()).update();
		int created = unseen + jdbc.sql("""
				update member_import_stage set party_id = nextval(pg_get_serial_sequence('party', 'id')), new_party = true
				where party_id is null
				""").update();
		jdbc.sql("""
				insert into party (id, kind, name, name_key, credit_code, enterprise_kind, legal_representative,
				                   industry_code, size_class, employees, region_code, out_of_town, high_tech, gender,
				                   id_number_cipher, id_number_hash, id_number_masked, party_member, public_roles)
				overriding system value
				select party_id, kind, name, name_key, credit_code, enterprise_kind, legal_representative, industry_code,
				       size_class, employees, region_code, out_of_town, high_tech, gender, id_number_cipher,
				       id_number_hash, id_number_masked, party_member, public_roles
				from member_import_stage where new_party order by row_no
				""").update();
		int unchanged = jdbc.sql("""
				update member_import_stage s set unchanged = true
				where exists (select 1 from membership m
				              where m.party_id = s.party_id and m.org_id = :org and m.left_on is null)
				""").param("org", target.id()).update();
		// The membership's copies of the party's facts come from the party rows themselves (an
		// existing party keeps its own name even if the file spells it differently).
		List<MembershipsImported.Started> started = jdbc.sql("""
				insert into membership (party_id, org_id, org_path, role, tier, joined_on, party_name, party_kind,
				                        enterprise_kind, industry_code, party_region_code, out_of_town, high_tech)
				select s.party_id, :org, :path, s.role, s.tier, s.joined_on, p.name, p.kind, p.enterprise_kind,
				       p.industry_code, p.region_code, p.out_of_town, p.high_tech
				from member_import_stage s join party p on p.id = s.party_id
				where not s.unchanged order by s.row_no
				returning id as membership_id, party_id, role, joined_on
				""").param("org", target.id()).param("path", target.path()).query(MembershipsImported.Started.class).list();
		int added = started.size();
		// the organisation's own copy of the contact data; one it kept from an earlier membership stays
		jdbc.sql("""
				insert into party_contact (party_id, org_id, org_path, phone_cipher, phone_hash, phone_masked, phone_last4)
				select distinct on (s.party_id) s.party_id, :org, :path, s.phone_cipher, s.phone_hash, s.phone_masked,
				       s.phone_last4
				from member_import_stage s
				where not s.unchanged and s.phone_hash is not null
				order by s.party_id, s.row_no
				on conflict (party_id, org_id) do update set
				    phone_cipher = coalesce(party_contact.phone_cipher, excluded.phone_cipher),
				    phone_hash = coalesce(party_contact.phone_hash, excluded.phone_hash),
				    phone_masked = coalesce(party_contact.phone_masked, excluded.phone_masked),
				    phone_last4 = coalesce(party_contact.phone_last4, excluded.phone_last4)
				""").param("org", target.id()).param("path", target.path()).update();
		if (!started.isEmpty()) {
			events.publishEvent(new MembershipsImported(jobId, target.id(), target.path(), started));
		}
		return new int[] { created, added, unchanged };
	}

	/** COPY the checked rows into the staging table, personal data encrypted on the way. */
	private void copy(List<MemberImportCheck.Row> good) {
		StringBuilder csv = new StringBuilder(good.size() * 400);
		HexFormat hex = HexFormat.of();
		for (MemberImportCheck.Row row : good) {
			NewMember m = row.member;
			boolean enterprise = m.kind() == PartyKind.ENTERPRISE;
			PersonalValues id = enterprise ? PersonalValues.NONE : PersonalValues.identityNumber(personalData, m.idNumber());
			PersonalValues phone = PersonalValues.phone(personalData, m.phone());
			String name = m.name().trim();
			Object[] values = { row.number, m.kind().name(), name, PartyNames.key(name),
					enterprise ? m.creditCode().trim() : null, enterprise ? m.enterpriseKind().name() : null,
					enterprise ? blankToNull(m.legalRepresentative()) : null, blankToNull(m.industryCode()),
					enterprise && m.sizeClass() != null ? m.sizeClass().name() : null, enterprise ? m.employees() : null,
					blankToNull(m.regionCode()), Boolean.TRUE.equals(m.outOfTown()), Boolean.TRUE.equals(m.highTech()),
					!enterprise && m.gender() != null ? m.gender().name() : null, bytes(hex, id.cipher()),
					bytes(hex, id.hash()), id.masked(), !enterprise && Boolean.TRUE.equals(m.partyMember()),
					enterprise ? null : blankToNull(m.publicRoles()), bytes(hex, phone.cipher()), bytes(hex, phone.hash()),
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
