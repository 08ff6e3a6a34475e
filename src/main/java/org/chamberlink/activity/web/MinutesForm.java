package org.chamberlink.activity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.chamberlink.activity.Minutes;
import org.chamberlink.activity.Resolution;

/**
 * The minutes as typed on their page: the summary and the resolutions, one row each
 * ({@code resolutions[0].text}, {@code resolutions[0].votesFor}, …). A row left wholly empty is no
 * resolution; a vote left empty is none.
 */
public record MinutesForm(String summary, List<ResolutionRow> resolutions) {

	/** One resolution as typed: its text and the votes for, against and abstaining. */
	public record ResolutionRow(String text, Integer votesFor, Integer votesAgainst, Integer votesAbstain) {

		static ResolutionRow empty() {
			return new ResolutionRow(null, null, null, null);
		}

		boolean blank() {
			return (text == null || text.isBlank()) && votesFor == null && votesAgainst == null && votesAbstain == null;
		}

		Resolution resolution() {
			return Resolution.of(text, zero(votesFor), zero(votesAgainst), zero(votesAbstain));
		}

		private static int zero(Integer votes) {
			return votes == null ? 0 : votes;
		}

	}

	public MinutesForm {
		// rows the browser did not send (a gap in the indexes) are none
		resolutions = resolutions == null ? List.of() : resolutions.stream().filter(Objects::nonNull).toList();
	}

	/** The recorded minutes to change, or an empty form with one row for a first resolution. */
	static MinutesForm of(Minutes minutes) {
		if (minutes == null) {
			return new MinutesForm(null, List.of(ResolutionRow.empty()));
		}
		return new MinutesForm(minutes.summary(), minutes.resolutions()
			.stream()
			.map(r -> new ResolutionRow(r.text(), r.votesFor(), r.votesAgainst(), r.votesAbstain()))
			.toList());
	}

	/** The same without the rows left wholly empty, so a refusal's row number is the row shown. */
	MinutesForm compact() {
		return new MinutesForm(summary, resolutions.stream().filter(row -> !row.blank()).toList());
	}

	MinutesForm withRowAdded() {
		List<ResolutionRow> rows = new ArrayList<>(resolutions);
		rows.add(ResolutionRow.empty());
		return new MinutesForm(summary, rows);
	}

	MinutesForm withRowRemoved(int index) {
		List<ResolutionRow> rows = new ArrayList<>(resolutions);
		if (index >= 0 && index < rows.size()) {
			rows.remove(index);
		}
		return new MinutesForm(summary, rows);
	}

	List<Resolution> typed() {
		return resolutions.stream().map(ResolutionRow::resolution).toList();
	}

}
