package org.chamberlink.activity;

import java.time.Instant;
import java.time.LocalDateTime;

import org.chamberlink.shared.ChinaTime;

/**
 * The answer to a check-in: checked in now, or already before (at {@code at}) — checking in twice
 * is harmless and says when the first was ("已于 09:03 签到").
 */
public record CheckInOutcome(boolean already, Instant at, String name) {

	public LocalDateTime atLocal() {
		return ChinaTime.of(at);
	}

}
