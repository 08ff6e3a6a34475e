package org.chamberlink.welfare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.region.Region;
import org.chamberlink.region.RegionLevel;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.LikePattern;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Villages and communities (村 / 社区) under a township of the region tree, each kept by the
 * organisation that added it (its region must cover the township). A duplicate — the same name in
 * the township, or the same statistical code — is refused within the caller's scope; a
 * neighbour's village with that code is neither found nor named (its township lies outside the
 * caller's region, which is refused first).
 */
@Service
public class Villages {

	static final String COLUMNS = "select v.id, v.org_id, v.org_path, v.township_code, v.name, v.stat_code, v.relief_status, v.version"
			+ " from welfare_village v";

	/** A village as lists and forms show it; the township's name is added from the region module. */
	public record Village(Long id, Long orgId, String orgPath, String townshipCode, String name, String statCode,
			ReliefStatus reliefStatus, long version, String townshipName) {

		Village named(String township) {
			return new Village(id, orgId, orgPath, townshipCode, name, statCode, reliefStatus, version, township);
		}

	}

	/** What staff type for a new village (one by one, or a row of the Excel import). */
	public record VillageForm(Long orgId, String townshipCode, String name, String statCode, ReliefStatus reliefStatus) {
	}

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final Regions regions;

	Villages(JdbcClient jdbc, DataScopes scopes, Organizations organizations, Regions regions, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organizations = organizations;
		this.regions = regions;
	}

	@Transactional(readOnly = true)
	public Optional<Village> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS.replace("v.version", "v.version, null as township_name") + " where v.id = :id and "
				+ scope.on("v.org_path"))
			.param("id", id)
			.params(scope.param())
			.query(Village.class)
			.optional()
			.map(v -> named(List.of(v)).get(0));
	}

	public Village get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Village", id));
	}

	/** A page of the villages in the caller's scope (optionally under one organisation's subtree), by township and name. */
	@Transactional(readOnly = true)
	public Page<Village> search(Long orgId, String keyword, Pageable pageable) {
		DataScope scope = scopes.current();
		List<String> where = new ArrayList<>(List.of(scope.on("v.org_path")));
		Map<String, Object> params = new HashMap<>(scope.param());
		if (orgId != null) {
			DataScope subtree = DataScope.subtree(organizations.get(orgId).path());
			where.add(subtree.on("v.org_path"));
			params.putAll(subtree.param());
		}
		if (keyword != null && !keyword.isBlank()) {
			where.add("(v.name like :keyword or v.stat_code = :code)");
			params.put("keyword", LikePattern.containing(keyword.strip()));
			params.put("code", keyword.strip());
		}
		String condition = String.join(" and ", where);
		long total = jdbc.sql("select count(*) from welfare_village v where " + condition).params(params).query(Long.class).single();
		List<Village> rows = jdbc.sql(COLUMNS.replace("v.version", "v.version, null as township_name") + " where " + condition
				+ " order by v.township_code, v.name, v.id limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Village.class)
			.list();
		return new PageImpl<>(named(rows), pageable, total);
	}

	/** Every village in the caller's scope, for a form's choice (at most 500, by name). */
	@Transactional(readOnly = true)
	public List<Village> choices() {
		return search(null, null, org.springframework.data.domain.PageRequest.of(0, 500)).getContent();
	}

	/** Adds a village; refused (nothing written) for a township outside the organisation's region, a bad code or a duplicate. */
	@Transactional
	public Long add(VillageForm form) {
		Checked checked = check(form);
		Long id = jdbc.sql("""
				insert into welfare_village (org_id, org_path, township_code, name, stat_code, relief_status)
				values (:org, :path, :township, :name, :code, :status) returning id
				""")
			.param("org", checked.org().id())
			.param("path", checked.org().path())
			.param("township", checked.township())
			.param("name", checked.name())
			.param("code", checked.code())
			.param("status", form.reliefStatus().name())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("WELFARE_VILLAGE_ADDED").entity("WelfareVillage", id).org(checked.org().id())
			.summary(checked.name() + "（" + (checked.code() != null ? checked.code() : checked.township()) + "）"));
		return id;
	}

	record Checked(OrganizationSummary org, String township, String name, String code) {
	}

	/** The checks of {@link #add}, also for the import's dry check of each row. */
	Checked check(VillageForm form) {
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "welfare.required");
		}
		OrganizationSummary org = organizations.find(form.orgId())
			.orElseThrow(() -> new RuleViolationException("orgId", "welfare.organization.notFound"));
		String township = form.townshipCode() == null ? "" : form.townshipCode().strip();
		if (township.isEmpty()) {
			throw new RuleViolationException("townshipCode", "welfare.required");
		}
		Region region = township.matches("\\d{9}") ? regions.find(township).orElse(null) : null;
		if (region == null || region.level() != RegionLevel.TOWNSHIP) {
			throw new RuleViolationException("townshipCode", "welfare.village.townshipUnknown");
		}
		if (org.regionCode() == null || !township.startsWith(org.regionCode())) {
			throw new RuleViolationException("townshipCode", "welfare.village.outsideRegion");
		}
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty()) {
			throw new RuleViolationException("name", "welfare.required");
		}
		TextLimit.atMost("name", "name", name, 100);
		String code = form.statCode() == null || form.statCode().isBlank() ? null : form.statCode().strip();
		if (code != null && !code.matches("\\d{12}")) {
			throw new RuleViolationException("statCode", "welfare.village.codeInvalid");
		}
		if (code != null && !code.startsWith(township)) {
			throw new RuleViolationException("statCode", "welfare.village.codeOutsideTownship");
		}
		if (form.reliefStatus() == null) {
			throw new RuleViolationException("reliefStatus", "welfare.required");
		}
		DataScope scope = scopes.current();
		boolean nameTaken = jdbc.sql("select exists (select 1 from welfare_village v where v.township_code = :t and v.name = :n and "
				+ scope.on("v.org_path") + ")").param("t", township).param("n", name).params(scope.param())
			.query(Boolean.class).single();
		if (nameTaken) {
			throw new RuleViolationException("name", "welfare.village.duplicate");
		}
		if (code != null) {
			boolean codeTaken = jdbc.sql("select exists (select 1 from welfare_village v where v.stat_code = :c and "
					+ scope.on("v.org_path") + ")").param("c", code).params(scope.param()).query(Boolean.class).single();
			if (codeTaken) {
				throw new RuleViolationException("statCode", "welfare.village.duplicateCode");
			}
		}
		return new Checked(org, township, name, code);
	}

	private List<Village> named(List<Village> villages) {
		Map<String, String> names = villages.isEmpty() ? Map.of()
				: regions.names(villages.stream().map(Village::townshipCode).distinct().toList());
		return villages.stream().map(v -> v.named(names.get(v.townshipCode()))).toList();
	}

}
