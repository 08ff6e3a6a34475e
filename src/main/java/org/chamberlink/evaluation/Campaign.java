package org.chamberlink.evaluation;

import java.time.LocalDate;

/** A campaign: a scheme for a year, opened by an organisation, with its stage deadlines and notice days. */
public record Campaign(Long id, Long schemeId, String schemeName, String appliesTo, int year, Long orgId, String orgPath,
		String orgName, String title, int noticeDays, LocalDate submitBy, LocalDate countyBy, LocalDate cityBy,
		LocalDate provinceBy) {

	static final String COLUMNS = """
			select c.id, c.scheme_id, s.name as scheme_name, s.applies_to, c.year, c.org_id, c.org_path, c.org_name, c.title,
			       c.notice_days, c.submit_by, c.county_by, c.city_by, c.province_by
			from evaluation_campaign c join evaluation_scheme s on s.id = c.scheme_id
			""";

	/** Whether the scheme evaluates county federations (reviewed from the city up) rather than chambers. */
	boolean forCountyFederations() {
		return "COUNTY_FEDERATION".equals(appliesTo);
	}

	/** The level that reviews an evaluation of this campaign first. */
	EvaluationLevel firstLevel() {
		return forCountyFederations() ? EvaluationLevel.CITY : EvaluationLevel.COUNTY;
	}

	/** The deadline of the review at a level, if set. */
	public LocalDate deadline(EvaluationLevel level) {
		return switch (level) {
			case COUNTY -> countyBy;
			case CITY -> cityBy;
			case PROVINCE -> provinceBy;
			case NATIONAL -> null;
		};
	}

}
