package org.chamberlink.dues;

import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	/** How many of an organisation's latest billing runs its dues page lists. */
	static final int RECENT_RUNS = 5;

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final DuesJobs jobs;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final BillIssuer issuer;

	DuesBilling(JdbcClient jdbc, Organizations organizations, DuesJobs jobs, TransactionTemplate transactions,
			AuditTrail audit, BillIssuer issuer) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.jobs = jobs;
		this.transactions = transactions;
		this.audit = audit;
		this.issuer = issuer;
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
			int[] counts = transactions.execute(status -> issuer.bill(runId, org, year, subtree));
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

}
