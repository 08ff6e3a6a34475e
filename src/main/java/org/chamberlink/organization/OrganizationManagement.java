package org.chamberlink.organization;

import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Registers and edits organisations within the caller's scope; every change is audited. */
@Service
public class OrganizationManagement {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final DataScopes scopes;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	private final OrganizationRecords records;

	OrganizationManagement(JdbcClient jdbc, Organizations organizations, DataScopes scopes, Regions regions,
			AuditTrail audit, ApplicationEventPublisher events, java.time.Clock clock, OrganizationRecords records) {
		this.clock = clock;
		this.records = records;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.scopes = scopes;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public OrganizationSummary create(NewOrganization request) {
		OrganizationSummary parent = request.parentId() == null ? null : organizations.get(request.parentId());
		if (parent == null && !scopes.current().equals(DataScope.all())) {
			throw new RuleViolationException("parentId", "organization.parentRequired");
		}
		Region region = region(request.regionCode());
		Region origin = origin(request.originRegionCode()).orElse(null);
		OrganizationRules.checkNew(request, region, origin, parent, java.time.LocalDate.now(clock));
		Long id = records.insert(request, region, origin, parent);
		OrganizationSummary created = organizations.get(id);
		Map<String, Change> changes = new java.util.LinkedHashMap<>(Map.of("name", new Change(null, request.name().trim()),
				"type", new Change(null, request.type().name()), "regionCode", new Change(null, region.code())));
		if (origin != null) {
			changes.put("originRegionCode", new Change(null, origin.code()));
		}
		audit.record(AuditEntry.of(AuditAction.CREATE).entity("Organization", id).org(id).changes(changes));
		events.publishEvent(new OrganizationRegistered(id, created.path(), parent == null ? null : parent.id(), request.type(),
				request.chamberKind(), region.code(), request.name().trim()));
		return created;
	}

	/**
	 * Changes a record within the caller's scope. Its place in the tree (region and parent) is
	 * not its own accounts' to change, only those of an organisation above it; and the rules on
	 * the place are checked against the real parent, read regardless of the caller's scope.
	 */
	@Transactional
	public OrganizationDetails update(Long id, OrganizationChanges changes) {
		OrganizationDetails current = organizations.details(id);
		if (current.version() != changes.version()) {
			throw new RuleViolationException("version", "organization.editedMeanwhile");
		}
		String regionCode = changes.regionCode() == null ? "" : changes.regionCode().trim();
		boolean regionChanged = !regionCode.equals(current.regionCode());
		boolean parentChanged = changes.parentId() != null && !changes.parentId().equals(current.parentId());
		// the origin is part of the place too: null keeps the stored one, blank clears it
		String originCode = changes.originRegionCode() == null ? current.originRegionCode()
				: StringUtils.hasText(changes.originRegionCode()) ? changes.originRegionCode().trim() : null;
		boolean originChanged = !java.util.Objects.equals(originCode, current.originRegionCode());
		// Decided before anything is looked up by the new values, so they tell the caller nothing.
		if (regionChanged && !mayChangePlace(id)) {
			throw new RuleViolationException("regionCode", "organization.ownRegionFixed");
		}
		if (originChanged && !mayChangePlace(id)) {
			throw new RuleViolationException("originRegionCode", "organization.ownOriginFixed");
		}
		if (parentChanged) {
			throw mayChangePlace(id) ? new RuleViolationException("parentId", "organization.parentFixed")
					: new RuleViolationException("parentId", "organization.ownParentFixed");
		}
		OrganizationSummary parent = current.parentId() == null ? null
				: organizations.findUnscoped(current.parentId())
					.orElseThrow(() -> new IllegalStateException("parent of " + id + " missing"));
		Region region = region(regionCode);
		Region origin = origin(originCode).orElse(null);
		OrganizationRules.checkChanges(changes, current, region, origin, parent, java.time.LocalDate.now(clock));
		if (regionChanged) {
			checkBelowStaysInside(id, region);
		}
		records.update(id, changes, region, origin, current);
		OrganizationDetails updated = organizations.details(id);
		var diff = Change.between(current.snapshot(), updated.snapshot());
		if (!diff.isEmpty()) {
			audit.record(AuditEntry.of(AuditAction.UPDATE).entity("Organization", id).org(id).changes(diff));
		}
		return updated;
	}

	/**
	 * Whether the current account may change the region or parent of an organisation it can
	 * edit: not of its own organisation, only of those below it (an installation-wide
	 * administrator, bound to none, of any).
	 */
	public boolean mayChangePlace(Long id) {
		Long own = scopes.currentOrgId();
		return own == null || !own.equals(id);
	}

	/**
	 * The name of an organisation's parent, for its edit form. The parent of the caller's own
	 * organisation lies outside the caller's scope; its name (public, as on the join page) is
	 * all that is read.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<String> parentName(Long id) {
		OrganizationDetails org = organizations.details(id);
		return org.parentId() == null ? java.util.Optional.empty()
				: organizations.findUnscoped(org.parentId()).map(OrganizationSummary::name);
	}

	/** The region of the organisation's parent, inside which its own must lie (empty at the top of the tree). */
	@Transactional(readOnly = true)
	public java.util.Optional<String> parentRegionCode(Long id) {
		OrganizationDetails org = organizations.details(id);
		return org.parentId() == null ? java.util.Optional.empty()
				: organizations.findUnscoped(org.parentId()).map(OrganizationSummary::regionCode);
	}

	/**
	 * A new region must still contain the regions of the active organisations directly below; of an
	 * out-of-town chamber sitting elsewhere, its origin (decision 31).
	 */
	private void checkBelowStaysInside(Long id, Region region) {
		boolean outside = jdbc.sql("""
				select count(*) > 0 from organization
				where parent_id = :id and status = 'ACTIVE' and region_code not like :region
				  and (origin_region_code is null or origin_region_code not like :region)
				""").param("id", id).param("region", region.code() + "%").query(Boolean.class).single();
		if (outside) {
			throw new RuleViolationException("regionCode", "organization.regionExcludesBelow");
		}
	}

	/** The origin region named, none when blank; an unknown code is refused on its field. */
	private java.util.Optional<Region> origin(String code) {
		if (!StringUtils.hasText(code)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(regions.find(code.trim())
			.orElseThrow(() -> new RuleViolationException("originRegionCode", "organization.originUnknown", code.trim())));
	}

	private Region region(String code) {
		return regions.find(code == null ? "" : code.trim())
			.orElseThrow(() -> new RuleViolationException("regionCode", "organization.regionUnknown", code));
	}

}
