package org.chamberlink.dues;

import java.time.LocalDate;

import org.chamberlink.member.Members;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a membership is in good standing: nothing past its due date is still unpaid. Derived
 * from the bills each time it is asked (never a flag someone forgets to update); other modules
 * (the member card) ask here.
 */
@Service
public class DuesStanding {

	/** A membership's standing as the API reports it. */
	public record Standing(Long membershipId, LocalDate on, boolean goodStanding, long overdueBills, long overdueFen) {
	}

	private final JdbcClient jdbc;

	private final Members members;

	DuesStanding(JdbcClient jdbc, Members members) {
		this.jdbc = jdbc;
		this.members = members;
	}

	/** A membership's standing in the caller's scope, with what is overdue. */
	@Transactional(readOnly = true)
	public Standing of(Long membershipId, LocalDate on) {
		members.membership(membershipId); // within the caller's scope, else not found
		return jdbc.sql("""
				select cast(:m as bigint) as membership_id, cast(:on as date) as on, count(*) = 0 as good_standing,
				       count(*) as overdue_bills, coalesce(sum(b.amount_fen - b.paid_fen - b.waived_fen), 0)::bigint as overdue_fen
				from dues_bill b
				where b.membership_id = :m and b.due_on < :on and b.paid_fen + b.waived_fen < b.amount_fen
				""")
			.param("m", membershipId)
			.param("on", on)
			.query(Standing.class)
			.single();
	}


	/**
	 * Of these memberships, those with a bill past its due date still unpaid on the day, unscoped:
	 * the honour module's bulk nomination asks for the members it read in its own subtree, one
	 * statement for all.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<Long> overdueAmongUnscoped(java.util.Collection<Long> membershipIds, LocalDate on) {
		if (membershipIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct b.membership_id from dues_bill b
				where b.membership_id = any(:ids) and b.due_on < :on and b.paid_fen + b.waived_fen < b.amount_fen
				""")
			.param("ids", membershipIds.stream().distinct().toArray(Long[]::new))
			.param("on", on)
			.query(Long.class)
			.list());
	}

}
