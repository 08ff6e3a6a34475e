package org.chamberlink.member;

import java.util.List;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the checked rows of a member import, set-based: the rows are COPYed into a staging
 * table ({@link MemberImportStage}) and moved with a few INSERT … SELECT statements in the caller's
 * transaction; parties already known are matched, not duplicated, so re-importing the same file
 * changes nothing.
 */
@Component
class MemberImportWriter {

	private final MemberImportStage stage;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	MemberImportWriter(MemberImportStage stage, JdbcClient jdbc, DataScopes scopes, ApplicationEventPublisher events) {
		this.stage = stage;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.events = events;
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
		stage.load(good, target, scope);
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
		// An import never rewrites a known party's facts (the file's spelling is ignored), but it
		// copies them into the new memberships below, and a staff member's edit of the party rewrites
		// those copies (trigger, V8) only in memberships it can see. The parties copied from are
		// share-locked first, in id order (decision 54): an edit committing meanwhile makes the import
		// wait for it and copy the edited facts, an edit begun after waits for the import and then
		// rewrites the imported copies too — neither overwrites nor misses the other.
		jdbc.sql("""
				select p.id from party p
				where p.id in (select s.party_id from member_import_stage s where not s.new_party and not s.unchanged)
				order by p.id for share of p
				""").query(Long.class).list();
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

}
