package org.chamberlink.evaluation;

import java.time.LocalDate;

/** A campaign as typed: the organiser is the account's own organisation. */
public record CampaignForm(Long schemeId, Integer year, String title, Integer noticeDays, LocalDate submitBy, LocalDate countyBy,
		LocalDate cityBy, LocalDate provinceBy) {
}
