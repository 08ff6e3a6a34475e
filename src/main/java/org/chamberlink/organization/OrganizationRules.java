package org.chamberlink.organization;

import java.time.LocalDate;

import java.util.List;

import org.chamberlink.region.Region;
import org.chamberlink.region.RegionLevel;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.util.StringUtils;

/** The rules an organisation record must satisfy; each broken rule names its field. */
final class OrganizationRules {

	static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY");

	static final List<String> PARTY_ORGANISATIONS = List.of("NONE", "BRANCH", "JOINT_BRANCH", "COMMITTEE");

	private OrganizationRules() {
	}

	static void checkNew(NewOrganization request, Region region, Region origin, OrganizationSummary parent,
			LocalDate today) {
		checkPlace(region, origin, request.type(), request.chamberKind(), parent, today);
		if (request.type() == OrganizationType.CHAMBER) {
			if (request.chamberKind() == null) {
				throw new RuleViolationException("chamberKind", "organization.kindRequired");
			}
			if (parent == null || parent.type() != OrganizationType.FEDERATION) {
				throw new RuleViolationException("parentId", "organization.chamberNeedsFederation");
			}
		}
		else if (request.level() == null || !LEVELS.contains(request.level())) {
			throw new RuleViolationException("level", "organization.levelRequired");
		}
		checkRegistrationCode(request.registrationCode());
		checkParty(request.partyOrganisation(), null);
	}

	/**
	 * @param origin the origin region the record will have (the stored one when the change keeps it)
	 */
	static void checkChanges(OrganizationChanges changes, OrganizationDetails current, Region region, Region origin,
			OrganizationSummary parent, LocalDate today) {
		String originCode = origin == null ? null : origin.code();
		if (!region.code().equals(current.regionCode())
				|| !java.util.Objects.equals(originCode, current.originRegionCode())) {
			checkPlace(region, origin, current.type(), current.chamberKind(), parent, today);
		}
		checkRegistrationCode(changes.registrationCode());
		if (Boolean.TRUE.equals(changes.registered()) && changes.registeredOn() == null) {
			throw new RuleViolationException("registeredOn", "organization.registeredOnRequired");
		}
		if (!Boolean.TRUE.equals(changes.registered()) && !StringUtils.hasText(changes.unregisteredReason())
				&& current.type() == OrganizationType.CHAMBER) {
			throw new RuleViolationException("unregisteredReason", "organization.unregisteredReasonRequired");
		}
		checkParty(changes.partyOrganisation(), changes.partyStarRating());
	}

	/**
	 * Where an organisation may sit: inside its parent's region, except an out-of-town chamber
	 * (异地商会), which may sit anywhere when the home area whose people formed it (its origin)
	 * lies inside the parent's region. One sitting inside may name an origin anywhere (decision 31).
	 */
	private static void checkPlace(Region region, Region origin, OrganizationType type, ChamberKind kind,
			OrganizationSummary parent, LocalDate today) {
		// an abolition dated later has not taken effect: the township still takes a chamber until then
		if (region.abolishedBy(today)) {
			throw new RuleViolationException("regionCode", "organization.regionAbolished", region.name());
		}
		if (type == OrganizationType.CHAMBER && kind == ChamberKind.TOWNSHIP
				&& region.level() != RegionLevel.TOWNSHIP) {
			throw new RuleViolationException("regionCode", "organization.townshipRegion");
		}
		boolean outOfTown = type == OrganizationType.CHAMBER && kind == ChamberKind.OUT_OF_TOWN;
		if (origin != null && !outOfTown) {
			throw new RuleViolationException("originRegionCode", "organization.originOnlyOutOfTown");
		}
		if (origin != null && origin.abolishedBy(today)) {
			throw new RuleViolationException("originRegionCode", "organization.originAbolished", origin.name());
		}
		if (parent == null || region.code().startsWith(parent.regionCode())) {
			return;
		}
		if (!outOfTown) {
			throw new RuleViolationException("regionCode", "organization.regionOutsideParent");
		}
		if (origin == null) {
			throw new RuleViolationException("originRegionCode", "organization.originRequired");
		}
		if (!origin.code().startsWith(parent.regionCode())) {
			throw new RuleViolationException("originRegionCode", "organization.originOutsideParent");
		}
	}

	private static void checkRegistrationCode(String code) {
		if (StringUtils.hasText(code) && (!code.startsWith("5") || !UnifiedSocialCreditCode.isValid(code))) {
			throw new RuleViolationException("registrationCode", "organization.registrationCodeInvalid");
		}
	}

	private static void checkParty(String partyOrganisation, Integer starRating) {
		if (StringUtils.hasText(partyOrganisation) && !PARTY_ORGANISATIONS.contains(partyOrganisation)) {
			throw new RuleViolationException("partyOrganisation", "organization.partyUnknown");
		}
		if (starRating != null && (!StringUtils.hasText(partyOrganisation) || "NONE".equals(partyOrganisation))) {
			throw new RuleViolationException("partyStarRating", "organization.starWithoutParty");
		}
	}

}
