package org.chamberlink.dues;

import java.time.LocalDate;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RecordNotFoundException;

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

	private final DataScopes scopes;

	DuesStanding(JdbcClient jdbc, DataScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	/** A membership's standing in the caller's scope, with what is overdue. */
	@Transactional(readOnly = true)
	public Standing of(Long membershipId, LocalDate on) {
		DataScope scope = scopes.current();
		return jdbc.sql("""
				select m.id as membership_id, cast(:on as date) as on, count(b.id) = 0 as good_standing,
				       count(b.id) as overdue_bills, coalesce(sum(b.amount_fen - b.paid_fen - b.waived_fen), 0)::bigint as overdue_fen
				from membership m
				left join dues_bill b on b.membership_id = m.id and b.due_on < :on and b.paid_fen + b.waived_fen < b.amount_fen
				where m.id = :m and %s
				group by m.id
				""".formatted(scope.on("m.org_path")))
			.param("m", membershipId)
			.param("on", on)
			.params(scope.param())
			.query(Standing.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Membership", membershipId));
	}

}
