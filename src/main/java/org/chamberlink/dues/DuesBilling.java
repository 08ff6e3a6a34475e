package org.chamberlink.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Yearly billing of every current membership of an organisation (or its whole subtree), as one
 * set-based insert per run. A membership is billed at most once a year (a unique key, so
 * re-running creates nothing twice); the amount is the schedule's for the member's role on the
 * billing day, prorated for members who joined during the year as the organisation chose; any
 * credit the member holds is applied to the new bill at once.
 */
@Service
public class DuesBilling {

	private static final Logger log = LoggerFactory.getLogger(DuesBilling.class);

	private static final String RUN = """
			select r.id, r.org_id, null as org_name, r.year, r.subtree, r.status, r.bills_created, r.already_billed,
			       r.without_schedule, r.millis, r.error, r.requested_by, r.requested_at
			from dues_billing_run r
			""";

	// The memberships a run bills: current on the billing day and joined by the end of the year.
	/** How many of an organisation's latest billing runs its dues page lists. */
	static final int RECENT_RUNS = 5;

	private static String targets(DataScope below) {
		return """
				from published_membership m
				where (case when :withBelow then %s else m.org_id = :org end)
				  and (m.left_on is null or m.left_on > :today)
				  and m.joined_on <= make_date(:year, 12, 31)
				""".formatted(below.on("m.org_path"));
	}

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final DuesJobs jobs;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DuesBilling(JdbcClient jdbc, Organizations organizations, DuesJobs jobs,
			TransactionTemplate transactions, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.jobs = jobs;
		this.transactions = transactions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Queues a run and returns its id at once; the run itself goes on in the background. */
	public Long start(Long orgId, Integer year, boolean subtree) {
		OrganizationSummary org = organizations.get(orgId);
		if (!ChinaTime.isPlannableYear(year)) {
			throw new RuleViolationException("year", "dues.year.invalid");
		}
		String by = SecurityContextHolder.getContext().getAuthentication().getName();
		Long runId = jdbc.sql("""
				insert into dues_billing_run (org_id, year, subtree, status, requested_by)
				values (:org, :year, :subtree, 'QUEUED', :by) returning id
				""")
			.param("org", orgId)
			.param("year", year)
			.param("subtree", subtree)
			.param("by", by)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of(AuditAction.CREATE)
			.entity("DuesBillingRun", runId)
			.org(orgId)
			.summary(org.name() + " " + year + (subtree ? " 含下级" : "") + " 会费开单"));
		jobs.submit(() -> run(runId, org, year, subtree));
		return runId;
	}

	/** Bills synchronously (the benchmark and tests call this to time or await a run). */
	public BillingRun runNow(Long orgId, int year, boolean subtree) {
		OrganizationSummary org = organizations.get(orgId);
		Long runId = jdbc.sql("""
				insert into dues_billing_run (org_id, year, subtree, status, requested_by)
				values (:org, :year, :subtree, 'QUEUED', :by) returning id
				""")
			.param("org", orgId)
			.param("year", year)
			.param("subtree", subtree)
			.param("by", SecurityContextHolder.getContext().getAuthentication().getName())
			.query(Long.class)
			.single();
		run(runId, org, year, subtree);
		return run(runId).orElseThrow();
	}

	/** A run of an organisation within the caller's scope. */
	public Optional<BillingRun> run(Long runId) {
		return jdbc.sql(RUN + " where r.id = :id")
			.param("id", runId)
			.query(BillingRun.class)
			.optional()
			.flatMap(run -> organizations.find(run.orgId()).map(org -> run.named(org.name())));
	}

	/** The organisation's latest runs, if it lies within the caller's scope. */
	public List<BillingRun> recent(Long orgId) {
		return organizations.find(orgId)
			.map(org -> jdbc.sql(RUN + " where r.org_id = :org order by r.id desc limit " + RECENT_RUNS)
				.param("org", orgId)
				.query(BillingRun.class)
				.list()
				.stream()
				.map(run -> run.named(org.name()))
				.toList())
			.orElse(List.of());
	}

	private void run(Long runId, OrganizationSummary org, int year, boolean subtree) {
		long started = System.nanoTime();
		jdbc.sql("update dues_billing_run set status = 'RUNNING' where id = :id").param("id", runId).update();
		try {
			int[] counts = transactions.execute(status -> bill(runId, org, year, subtree));
			long millis = (System.nanoTime() - started) / 1_000_000;
			jdbc.sql("""
					update dues_billing_run set status = 'DONE', bills_created = :created, already_billed = :already,
					    without_schedule = :without, millis = :millis, finished_at = now() where id = :id
					""")
				.param("created", counts[0])
				.param("already", counts[1])
				.param("without", counts[2])
				.param("millis", millis)
				.param("id", runId)
				.update();
			log.info("Billing run {} ({} {}{}): {} bills in {} ms, {} already billed, {} without a schedule", runId,
					org.name(), year, subtree ? " and below" : "", counts[0], millis, counts[1], counts[2]);
		}
		catch (RuntimeException e) {
			log.warn("Billing run {} failed", runId, e);
			jdbc.sql("update dues_billing_run set status = 'FAILED', error = :error, finished_at = now() where id = :id")
				.param("error", String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length())))
				.param("id", runId)
				.update();
		}
	}

	private int[] bill(Long runId, OrganizationSummary org, int year, boolean subtree) {
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
				            else r.amount_fen end,
				       case when m.joined_on > p.due_on then m.joined_on + 30 else p.due_on end,
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
