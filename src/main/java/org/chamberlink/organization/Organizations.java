package org.chamberlink.organization;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.region.Region;
import org.chamberlink.region.RegionLevel;
import org.chamberlink.region.Regions;
import org.chamberlink.web.RecordNotFoundException;
import org.chamberlink.web.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Registers organisations and reads them within the caller's data scope. Every read and write
 * goes through {@code path like :scope}; a record outside the scope is "not found".
 */
@Service
public class Organizations {

	static final String COLUMNS = """
			id, type, level, chamber_kind, name, region_code, parent_id, path, registered, party_organisation, status""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Regions regions;

	private final AuditTrail audit;

	Organizations(JdbcClient jdbc, DataScopes scopes, Regions regions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.regions = regions;
		this.audit = audit;
	}

	/** The organisation if it lies within the current account's scope. */
	@Transactional(readOnly = true)
	public Optional<OrganizationSummary> find(Long id) {
		return jdbc.sql("select " + COLUMNS + " from organization where id = :id and path like :scope")
			.param("id", id)
			.param("scope", scopes.current().pathPattern())
			.query(OrganizationSummary.class)
			.optional();
	}

	public OrganizationSummary get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Organization", id));
	}

	/** Organisations within scope, optionally of one type or kind, by path (tree order). */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> list(OrganizationType type, ChamberKind kind, int limit, long offset) {
		return jdbc.sql("select " + COLUMNS + """
				 from organization
				where path like :scope
				  and (cast(:type as varchar) is null or type = :type)
				  and (cast(:kind as varchar) is null or chamber_kind = :kind)
				order by path limit :limit offset :offset
				""")
			.param("scope", scopes.current().pathPattern())
			.param("type", type == null ? null : type.name())
			.param("kind", kind == null ? null : kind.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(OrganizationSummary.class)
			.list();
	}

	@Transactional
	public OrganizationSummary create(NewOrganization request) {
		OrganizationSummary parent = request.parentId() == null ? null : get(request.parentId());
		if (parent == null && !scopes.current().pathPattern().equals("%")) {
			throw new RuleViolationException("parentId", "organization.parentRequired");
		}
		Region region = regions.find(request.regionCode())
			.orElseThrow(() -> new RuleViolationException("regionCode", "organization.regionUnknown",
					request.regionCode()));
		new OrganizationRules(request, region, parent).check();
		Long id;
		try {
			id = jdbc.sql("""
					insert into organization (type, level, chamber_kind, name, region_code, parent_id, path, founded_on,
					                          registered, registration_code, party_organisation)
					values (:type, :level, :kind, :name, :region, :parent, '/pending/', :founded, :registered, :code,
					        :party)
					returning id
					""")
				.param("type", request.type().name())
				.param("level", request.type() == OrganizationType.CHAMBER ? null : request.level())
				.param("kind", request.chamberKind() == null ? null : request.chamberKind().name())
				.param("name", request.name().trim())
				.param("region", region.code())
				.param("parent", parent == null ? null : parent.id())
				.param("founded", request.foundedOn())
				.param("registered", Boolean.TRUE.equals(request.registered()))
				.param("code", StringUtils.hasText(request.registrationCode()) ? request.registrationCode() : null)
				.param("party", StringUtils.hasText(request.partyOrganisation()) ? request.partyOrganisation() : "NONE")
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException oneTownshipChamberPerTownship) {
			throw new RuleViolationException("regionCode", "organization.townshipTaken", region.name());
		}
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		jdbc.sql("update organization set path = :path where id = :id").param("path", path).param("id", id).update();
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("Organization", id)
			.org(id)
			.changes(Map.of("name", new Change(null, request.name().trim()), "type",
					new Change(null, request.type().name()), "regionCode", new Change(null, region.code()))));
		return get(id);
	}

	/** The rules a new organisation must satisfy, each naming its field. */
	private record OrganizationRules(NewOrganization request, Region region, OrganizationSummary parent) {

		void check() {
			if (region.abolished()) {
				throw new RuleViolationException("regionCode", "organization.regionAbolished", region.name());
			}
			if (request.type() == OrganizationType.CHAMBER) {
				if (request.chamberKind() == null) {
					throw new RuleViolationException("chamberKind", "organization.kindRequired");
				}
				if (request.chamberKind() == ChamberKind.TOWNSHIP && region.level() != RegionLevel.TOWNSHIP) {
					throw new RuleViolationException("regionCode", "organization.townshipRegion");
				}
				if (parent == null || parent.type() != OrganizationType.FEDERATION) {
					throw new RuleViolationException("parentId", "organization.chamberNeedsFederation");
				}
			}
			else if (request.level() == null || !List.of("PROVINCE", "CITY", "COUNTY").contains(request.level())) {
				throw new RuleViolationException("level", "organization.levelRequired");
			}
			if (parent != null && !region.code().startsWith(parent.regionCode())) {
				throw new RuleViolationException("regionCode", "organization.regionOutsideParent");
			}
			if (StringUtils.hasText(request.registrationCode())
					&& (!request.registrationCode().startsWith("5")
							|| !UnifiedSocialCreditCode.isValid(request.registrationCode()))) {
				throw new RuleViolationException("registrationCode", "organization.registrationCodeInvalid");
			}
		}

	}

}
