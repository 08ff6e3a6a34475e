package org.chamberlink.organization;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.region.Region;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Writes an organisation's own record once {@link OrganizationManagement} has checked it: the new
 * row with its path, or one versioned update (a change made meanwhile updates nothing); blank
 * texts stored as none. A party organisation recorded by an update dates from today (the record
 * has no field for its date), so figures as of an earlier day do not count it (decision 57).
 */
@Component
class OrganizationRecords {

	private final JdbcClient jdbc;

	private final Clock clock;

	OrganizationRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Inserts a checked new organisation below its parent (none for a root) and sets its path; returns its id. */
	Long insert(NewOrganization request, Region region, Region origin, OrganizationSummary parent) {
		Long id;
		try {
			id = jdbc.sql("""
					insert into organization (type, level, chamber_kind, name, region_code, parent_id, path, founded_on,
					                          registered, registration_code, party_organisation,
					                          accepts_join_applications, origin_region_code)
					values (:type, :level, :kind, :name, :region, :parent, '/pending/', :founded, :registered, :code,
					        :party, :acceptsJoin, :origin)
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
				.param("code", blankToNull(request.registrationCode()))
				.param("party", StringUtils.hasText(request.partyOrganisation()) ? request.partyOrganisation() : "NONE")
				// chambers take members from their public join page; federations and associations not until asked
				.param("acceptsJoin", request.type() == OrganizationType.CHAMBER)
				.param("origin", origin == null ? null : origin.code())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException oneTownshipChamberPerTownship) {
			throw new RuleViolationException("regionCode", "organization.townshipTaken", region.name());
		}
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		jdbc.sql("update organization set path = :path where id = :id").param("path", path).param("id", id).update();
		return id;
	}

	void update(Long id, OrganizationChanges changes, Region region, Region origin, OrganizationDetails current) {
		try {
			jdbc.sql("""
					update organization set name = :name, short_name = :shortName, region_code = :region,
					  founded_on = :foundedOn, registered = :registered, registered_on = :registeredOn,
					  registration_code = :code, unregistered_reason = :reason, party_organisation = :party,
					  party_established_on = case when cast(:party as varchar) = 'NONE' then null
					                              when party_organisation = 'NONE' then :today else party_established_on end,
					  party_star_rating = :star, party_liaison = :liaison, office_fixed = :officeFixed,
					  office_area = :officeArea, fulltime_staff = :staff, website = :website, periodical = :periodical,
					  has_staff = :hasStaff, has_office = :hasOffice, has_funds = :hasFunds,
					  has_equipment = :hasEquipment, has_duties = :hasDuties, income_band = :income,
					  accepts_join_applications = :acceptsJoin, origin_region_code = :origin, version = version + 1
					where id = :id and version = :version
					""")
				.param("name", changes.name().trim())
				.param("shortName", blankToNull(changes.shortName()))
				.param("region", region.code())
				.param("foundedOn", changes.foundedOn())
				.param("registered", Boolean.TRUE.equals(changes.registered()))
				.param("registeredOn", Boolean.TRUE.equals(changes.registered()) ? changes.registeredOn() : null)
				// a party organisation recorded now (the record has no date for it) dates from today (decision 57)
				.param("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)))
				.param("code", blankToNull(changes.registrationCode()))
				.param("reason", Boolean.TRUE.equals(changes.registered()) ? null : blankToNull(changes.unregisteredReason()))
				.param("party", StringUtils.hasText(changes.partyOrganisation()) ? changes.partyOrganisation() : "NONE")
				.param("star", changes.partyStarRating())
				.param("liaison", blankToNull(changes.partyLiaison()))
				.param("officeFixed", Boolean.TRUE.equals(changes.officeFixed()))
				.param("officeArea", changes.officeArea())
				.param("staff", changes.fulltimeStaff() == null ? 0 : changes.fulltimeStaff())
				.param("website", blankToNull(changes.website()))
				.param("periodical", blankToNull(changes.periodical()))
				.param("hasStaff", Boolean.TRUE.equals(changes.hasStaff()))
				.param("hasOffice", Boolean.TRUE.equals(changes.hasOffice()))
				.param("hasFunds", Boolean.TRUE.equals(changes.hasFunds()))
				.param("hasEquipment", Boolean.TRUE.equals(changes.hasEquipment()))
				.param("hasDuties", Boolean.TRUE.equals(changes.hasDuties()))
				.param("income", blankToNull(changes.incomeBand()))
				.param("acceptsJoin", changes.acceptsJoinApplications() == null ? current.acceptsJoinApplications()
						: changes.acceptsJoinApplications())
				.param("origin", origin == null ? null : origin.code())
				.param("id", id)
				.param("version", changes.version())
				.update();
		}
		catch (DuplicateKeyException oneTownshipChamberPerTownship) {
			throw new RuleViolationException("regionCode", "organization.townshipTaken", region.name());
		}
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
