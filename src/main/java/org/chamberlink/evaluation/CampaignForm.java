package org.chamberlink.evaluation;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A campaign as typed: the organiser is the account's own organisation. */
public record CampaignForm(Long schemeId, Integer year, String title, Integer noticeDays,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submitBy, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate countyBy,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate cityBy,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate provinceBy) {
}
