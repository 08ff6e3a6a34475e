package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.member.MemberRole;

/**
 * What an organisation charges for a year: its policy (due date, proration) and, per role, the
 * amount in effect on a given day plus every earlier amount.
 */
public record DuesSchedule(Long orgId, String orgName, int year, Policy policy, Map<MemberRole, Long> current,
		List<Line> lines) {

	public record Policy(Proration proration, LocalDate dueOn) {
	}

	public record Line(MemberRole role, long amountFen, LocalDate effectiveFrom, String createdBy) {

		public String amount() {
			return Fen.format(amountFen);
		}

	}

	public boolean defined() {
		return policy != null && !current.isEmpty();
	}

	public Optional<String> amountOf(MemberRole role) {
		return Optional.ofNullable(current.get(role)).map(Fen::format);
	}

}
