package org.chamberlink.member;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member-structure figures of any organisation within the caller's scope, each one SQL scan
 * over the subtree's memberships (the copied organisation path keeps it one index range).
 */
@Service
public class MemberFigures {

	private static final String COUNTS = """
			count(*) as total,
			count(*) filter (where p.kind = 'ENTERPRISE') as enterprises,
			count(*) filter (where p.enterprise_kind = 'PRIVATE_ENTERPRISE') as private_enterprises,
			count(*) filter (where p.enterprise_kind = 'INDIVIDUAL_BUSINESS') as individual_businesses,
			count(*) filter (where p.enterprise_kind = 'OTHER') as other_enterprises,
			count(*) filter (where p.kind = 'PERSON') as persons,
			count(*) filter (where p.kind = 'GROUP') as groups,
			count(*) filter (where not p.out_of_town) as local,
			count(*) filter (where p.out_of_town) as out_of_town,
			count(*) filter (where p.high_tech) as high_tech,
			count(*) filter (where p.kind = 'ENTERPRISE' and not p.high_tech) as traditional,
			count(*) filter (where m.role = 'PRESIDENT') as president,
			count(*) filter (where m.role = 'VICE_PRESIDENT') as vice_president,
			count(*) filter (where m.role = 'SECRETARY_GENERAL') as secretary_general,
			count(*) filter (where m.role = 'STANDING_DIRECTOR') as standing_director,
			count(*) filter (where m.role = 'DIRECTOR') as director,
			count(*) filter (where m.role = 'SUPERVISOR') as supervisor,
			count(*) filter (where m.role = 'MEMBER') as member,
			count(*) filter (where m.tier = 'CORE') as core,
			count(*) filter (where m.tier = 'CLOSE') as close,
			count(*) filter (where m.tier = 'CONTACT') as contact,
			count(*) filter (where m.tier = 'PERIPHERAL') as peripheral
			""";

	private static final String CURRENT = """
			from membership m join party p on p.id = m.party_id
			where m.org_path like :path and (m.left_on is null or m.left_on > :today)
			""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	MemberFigures(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public MemberStructure structure(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		return jdbc.sql("select :id as org_id, :name as org_name, " + COUNTS + CURRENT)
			.param("id", org.id())
			.param("name", org.name())
			.param("path", org.path() + "%")
			.param("today", LocalDate.now())
			.query(MemberStructure.class)
			.single();
	}

	/**
	 * The same figures for each organisation directly below (drill-down), in one scan grouped by
	 * the next id on the path; memberships held by the node itself come as a row with no id.
	 */
	@Transactional(readOnly = true)
	public List<MemberStructure> below(Long orgId) {
		OrganizationSummary org = organizations.get(orgId);
		return jdbc.sql("""
				select c.id as org_id, c.name as org_name, counted.*
				from (select nullif(split_part(substr(m.org_path, length(:own) + 1), '/', 1), '')::bigint as child,
				      """ + COUNTS + CURRENT + """
				      group by 1) counted
				left join organization c on c.id = counted.child
				order by c.id is null, counted.total desc
				""")
			.param("own", org.path())
			.param("path", org.path() + "%")
			.param("today", LocalDate.now())
			.query(MemberStructure.class)
			.list();
	}

	@Transactional(readOnly = true)
	public MemberGrowth growth(Long orgId, LocalDate from, LocalDate to) {
		OrganizationSummary org = organizations.get(orgId);
		return jdbc.sql("""
				select :from as "from", :to as "to",
				       count(*) filter (where joined_on <= :from and (left_on is null or left_on > :from)) as at_start,
				       count(*) filter (where joined_on <= :to and (left_on is null or left_on > :to)) as at_end,
				       count(*) filter (where joined_on > :from and joined_on <= :to) as joined,
				       count(*) filter (where left_on > :from and left_on <= :to) as "left"
				from membership where org_path like :path
				""")
			.param("from", from)
			.param("to", to)
			.param("path", org.path() + "%")
			.query(MemberGrowth.class)
			.single();
	}

}
