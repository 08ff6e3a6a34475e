package org.chamberlink.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based statements of a billing run ({@link DuesBilling} runs them in one transaction): one
 * insert bills every current membership the schedules cover, from the member module's published
 * view; the credit pass pays new bills from members' credit; one more pass counts what was
 * already billed and what no schedule covers.
 */
@Component
class BillIssuer {

	// The memberships a run bills: current on the billing day and joined by the end of the year.
	private static String targets(DataScope below) {
		return """
				from published_membership m
				where (case when :withBelow then %s else m.org_id = :org end)
				  and (m.left_on is null or m.left_on > :today)
				  and m.joined_on <= make_date(:year, 12, 31)
				""".formatted(below.on("m.org_path"));
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BillIssuer(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Bills the run's memberships; answers {created, already billed, without a schedule}. */
	int[] bill(Long runId, OrganizationSummary org, int year, boolean subtree) {
		LocalDate today = LocalDate.now(clock);
		DataScope below = DataScope.subtree(org.path());
		// Connections plan every statement afresh (for the scope's LIKE); for a million inserted rows
		// that would re-plan each foreign-key check, so this transaction uses cached plans again.
		jdbc.sql("set local plan_cache_mode = auto").update();
		int created = params(jdbc.sql("""
				with rates as (
				    select distinct on (s.org_id, s.role) s.org_id, s.role, s.amount_fen
				    from dues_schedule s
				    where s.year = :year and s.effective_from <= greatest(:today, make_date(:year, 1, 1))
				    order by s.org_id, s.role, s.effective_from desc)
				insert into dues_bill (membership_id, party_id, org_id, org_path, year, role, amount_fen, due_on, issued_on, run_id)
				select m.membership_id, m.party_id, m.org_id, m.org_path, :year, m.role,
				       case when p.proration = 'MONTHLY' and m.joined_on > make_date(:year, 1, 1)
				            then round(r.amount_fen * (13 - extract(month from m.joined_on)) / 12.0)::bigint
				            when p.proration = 'MONTHLY_YUAN' and m.joined_on > make_date(:year, 1, 1)
				            then (round(r.amount_fen * (13 - extract(month from m.joined_on)) / 1200.0) * 100)::bigint
				            else r.amount_fen end,
				       -- who joined after the year's due date pays within the usual 30 days of joining, and
				       -- never sooner than 30 days after the bill is issued (a joiner billed months later)
				       case when m.joined_on > p.due_on then greatest(m.joined_on, :today) + 30 else p.due_on end,
				       :today, :run
				""" + targets(below).replace("from published_membership m", """
				from published_membership m
				join dues_policy p on p.org_id = m.org_id and p.year = :year
				join rates r on r.org_id = m.org_id and r.role = m.role""") + """
				  and not (p.proration = 'NONE' and m.joined_on > make_date(:year, 1, 1))
				on conflict (membership_id, year) do nothing
				"""), runId, org, year, subtree, today).update();
		applyCredit(runId, year);
		// one pass over the targets: those a schedule covers (billed now or before) and those it does not
		Map<String, Object> counts = params(jdbc.sql("""
				with rates as (
				    select distinct s.org_id, s.role from dues_schedule s
				    where s.year = :year and s.effective_from <= greatest(:today, make_date(:year, 1, 1)))
				select count(*) filter (where p.org_id is not null and r.org_id is not null
				                          and not (p.proration = 'NONE' and m.joined_on > make_date(:year, 1, 1))) as covered,
				       count(*) filter (where p.org_id is null or r.org_id is null) as without
				""" + targets(below).replace("from published_membership m", """
				from published_membership m
				left join dues_policy p on p.org_id = m.org_id and p.year = :year
				left join rates r on r.org_id = m.org_id and r.role = m.role""")), runId, org, year, subtree, today)
			.query()
			.singleRow();
		int already = ((Number) counts.get("covered")).intValue() - created;
		int without = ((Number) counts.get("without")).intValue();
		return new int[] { created, already, without };
	}

	// A member's credit (an earlier overpayment) pays the new bill as far as it goes. Credit holders
	// are few: start from them, not from the million new bills. A bill the credit settles is collected.
	private void applyCredit(Long runId, int year) {
		jdbc.sql("""
				with credit as (
				    select e.membership_id, sum(e.credit_fen) as balance
				    from dues_entry e group by 1 having sum(e.credit_fen) > 0),
				used as (
				    insert into dues_entry (membership_id, org_id, org_path, bill_id, kind, amount_fen, applied_fen, credit_fen,
				                            occurred_on, reason, recorded_by)
				    select b.membership_id, b.org_id, b.org_path, b.id, 'CREDIT_USE', least(c.balance, b.amount_fen),
				           least(c.balance, b.amount_fen), -least(c.balance, b.amount_fen), b.issued_on, '预存余额抵扣', 'system'
				    from credit c join dues_bill b on b.membership_id = c.membership_id and b.year = :year
				    where b.run_id = :run and b.amount_fen > 0
				    returning id, bill_id, applied_fen),
				moved as (
				    update dues_bill b set paid_fen = b.paid_fen + used.applied_fen from used where b.id = used.bill_id
				    returning b.id as bill_id, b.membership_id, b.party_id, b.org_id, b.org_path, b.year, b.amount_fen,
				              b.paid_fen, b.waived_fen, used.id as settling_entry_id, b.issued_on as settled_on)
				select * from moved where paid_fen + waived_fen >= amount_fen
				""")
			.param("run", runId)
			.param("year", year)
			.query(DuesCollected.class)
			.list()
			.forEach(events::publishEvent);
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Long runId, OrganizationSummary org,
			int year, boolean subtree, LocalDate today) {
		return spec.param("run", runId)
			.param("org", org.id())
			.params(DataScope.subtree(org.path()).param())
			.param("year", year)
			.param("withBelow", subtree)
			.param("today", today);
	}

}
