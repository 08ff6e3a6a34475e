package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checks the donation ledgers share: amounts typed in yuan, days that are not in the future
 * nor after a campaign's end, and the one-time correction of an entry with its reason. Each
 * refuses with the field it concerns before anything is written.
 */
final class DonationChecks {

	private DonationChecks() {
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	/** A yuan amount that may be left empty (zero), in fen. */
	static long amountOrZero(String field, String typed) {
		return typed == null || typed.isBlank() ? 0 : Projects.money(field, typed, true);
	}

	/** Money and goods together are more than nothing. */
	static void someMoneyOrGoods(long money, long goods) {
		if (money + goods <= 0) {
			throw new RuleViolationException("money", "welfare.money.positive");
		}
	}

	/** The day typed, or today; refused when it is after today. */
	static LocalDate notFuture(String field, LocalDate typed, LocalDate today) {
		LocalDate on = typed == null ? today : typed;
		if (on.isAfter(today)) {
			throw new RuleViolationException(field, "welfare.date.future");
		}
		return on;
	}

	/** Refused when the campaign has ended ({@code endsOn}, if it has an end) before the day. */
	static void withinCampaign(String field, LocalDate on, LocalDate endsOn) {
		if (endsOn != null && on.isAfter(endsOn)) {
			throw new RuleViolationException(field, "welfare.campaign.ended", endsOn);
		}
	}

	/**
	 * The reason of a correction, required; refused when the entry is a correction itself or was
	 * corrected already ({@code table} names the entry's own table).
	 */
	static String correctionReason(JdbcClient jdbc, String table, Long id, Long correctsId, String reason) {
		String why = Pairings.blankToNull(reason);
		if (why == null) {
			throw new RuleViolationException("reason", "welfare.required");
		}
		TextLimit.atMost("reason", "reason", why, 300);
		boolean corrected = correctsId != null || jdbc.sql("select exists (select 1 from " + table + " where corrects_id = :id)")
			.param("id", id).query(Boolean.class).single();
		if (corrected) {
			throw new RuleViolationException("reason", "welfare.payment.alreadyCorrected");
		}
		return why;
	}

	/** Money with a minus in front of the yuan sign when negative: -¥12.00. */
	static String signed(long fen) {
		return (fen < 0 ? "-" : "") + "¥" + Fen.format(Math.abs(fen));
	}

	/** Money without the yuan sign, a minus in front when negative. */
	static String plain(long fen) {
		return (fen < 0 ? "-" : "") + Fen.format(Math.abs(fen));
	}

}
