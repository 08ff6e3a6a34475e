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

	static void checkNew(NewOrganization request, Region region, OrganizationSummary parent, LocalDate today) {
		checkRegion(region, request.type(), request.chamberKind(), parent, today);
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

	static void checkChanges(OrganizationChanges changes, OrganizationDetails current, Region region,
			OrganizationSummary parent, LocalDate today) {
		if (!region.code().equals(current.regionCode())) {
			checkRegion(region, current.type(), current.chamberKind(), parent, today);
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

	private static void checkRegion(Region region, OrganizationType type, ChamberKind kind,
			OrganizationSummary parent, LocalDate today) {
		// an abolition dated later has not taken effect: the township still takes a chamber until then
		if (region.abolishedBy(today)) {
			throw new RuleViolationException("regionCode", "organization.regionAbolished", region.name());
		}
		if (type == OrganizationType.CHAMBER && kind == ChamberKind.TOWNSHIP
				&& region.level() != RegionLevel.TOWNSHIP) {
			throw new RuleViolationException("regionCode", "organization.townshipRegion");
		}
		if (parent != null && !region.code().startsWith(parent.regionCode())) {
			throw new RuleViolationException("regionCode", "organization.regionOutsideParent");
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
