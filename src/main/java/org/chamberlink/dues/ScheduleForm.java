package org.chamberlink.dues;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.chamberlink.member.MemberRole;

/**
 * A schedule as entered: due date, proration and the yearly amount per role in yuan (blank: the
 * role is not charged). {@code effectiveFrom} is when changed amounts start to apply.
 */
public record ScheduleForm(Integer year, Proration proration, LocalDate dueOn, LocalDate effectiveFrom,
		Map<MemberRole, String> amounts) {

	public ScheduleForm {
		amounts = amounts == null ? new HashMap<>() : new HashMap<>(amounts);
	}

}
