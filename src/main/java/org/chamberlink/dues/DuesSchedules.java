package org.chamberlink.dues;

import org.chamberlink.shared.Fen;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.member.MemberRole;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.CalendarDates;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dues schedules. A changed amount is a new line with its effective date: bills keep the amount
 * they were issued with, so a change never rewrites what was billed.
 */
@Service
public class DuesSchedules {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final Clock clock;

	DuesSchedules(JdbcClient jdbc, Organizations organizations, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The schedule with the amounts a bill issued today would carry: those in effect today, or on
	 * 1 January when the year has not begun (next year's dues are often billed in December).
	 */
	@Transactional(readOnly = true)
	public DuesSchedule of(Long orgId, int year) {
		return of(orgId, year, billingDay(year));
	}

	private LocalDate billingDay(int year) {
		LocalDate today = LocalDate.now(clock);
		LocalDate first = LocalDate.of(year, 1, 1);
		return today.isBefore(first) ? first : today;
	}

	/** The schedule of an organisation in the caller's scope, with amounts in effect on {@code on}. */
	@Transactional(readOnly = true)
	public DuesSchedule of(Long orgId, int year, LocalDate on) {
		OrganizationSummary org = organizations.get(orgId);
		DuesSchedule.Policy policy = jdbc.sql("select proration, due_on from dues_policy where org_id = :org and year = :year")
			.param("org", orgId)
			.param("year", year)
			.query(DuesSchedule.Policy.class)
			.optional()
			.orElse(null);
		List<DuesSchedule.Line> lines = jdbc.sql("""
				select role, amount_fen, effective_from, created_by from dues_schedule
				where org_id = :org and year = :year order by role, effective_from desc
				""")
			.param("org", orgId)
			.param("year", year)
			.query(DuesSchedule.Line.class)
			.list();
		Map<MemberRole, Long> current = new EnumMap<>(MemberRole.class);
		for (DuesSchedule.Line line : lines) {
			if (!line.effectiveFrom().isAfter(on)) {
				current.putIfAbsent(line.role(), line.amountFen());
			}
		}
		return new DuesSchedule(org.id(), org.name(), year, policy, current, lines);
	}

	@Transactional
	public DuesSchedule set(Long orgId, ScheduleForm form) {
		OrganizationSummary org = organizations.get(orgId);
		if (!ChinaTime.isPlannableYear(form.year())) {
			throw new RuleViolationException("year", "dues.year.invalid");
		}
		if (form.proration() == null) {
			throw new RuleViolationException("proration", "dues.proration.required");
		}
		if (form.dueOn() == null) {
			throw new RuleViolationException("dueOn", "dues.dueOn.required");
		}
		if (form.dueOn().getYear() < form.year() - 1 || form.dueOn().getYear() > form.year() + 1) {
			throw new RuleViolationException("dueOn", "dues.dueOn.outsideYear", form.year());
		}
		Map<MemberRole, Long> amounts = new LinkedHashMap<>();
		for (MemberRole role : MemberRole.values()) {
			String text = form.amounts().get(role);
			if (text == null || text.isBlank()) {
				continue;
			}
			Long fen = Fen.parse(text);
			if (fen == null) {
				throw new RuleViolationException("amounts[" + role + "]", "dues.amount.invalid",
						new DefaultMessageSourceResolvable("memberRole." + role), text);
			}
			amounts.put(role, fen);
		}
		if (amounts.isEmpty()) {
			throw new RuleViolationException("amounts", "dues.amount.none");
		}
		LocalDate effectiveFrom = form.effectiveFrom() != null ? form.effectiveFrom() : LocalDate.of(form.year(), 1, 1);
		CalendarDates.requirePlausible("effectiveFrom", "dues.effectiveFrom", effectiveFrom);
		String by = SecurityContextHolder.getContext().getAuthentication().getName();
		DuesSchedule before = of(orgId, form.year(), effectiveFrom);
		jdbc.sql("""
				insert into dues_policy (org_id, year, proration, due_on, updated_by) values (:org, :year, :proration, :due, :by)
				on conflict (org_id, year) do update set proration = excluded.proration, due_on = excluded.due_on,
				    updated_by = excluded.updated_by, updated_at = now()
				""")
			.param("org", orgId)
			.param("year", form.year())
			.param("proration", form.proration().name())
			.param("due", form.dueOn())
			.param("by", by)
			.update();
		Map<String, Change> changes = new LinkedHashMap<>();
		amounts.forEach((role, fen) -> {
			Long old = before.current().get(role);
			if (fen.equals(old)) {
				return;
			}
			jdbc.sql("""
					insert into dues_schedule (org_id, year, role, amount_fen, effective_from, created_by)
					values (:org, :year, :role, :fen, :from, :by)
					on conflict (org_id, year, role, effective_from) do update set amount_fen = excluded.amount_fen,
					    created_by = excluded.created_by, created_at = now()
					""")
				.param("org", orgId)
				.param("year", form.year())
				.param("role", role.name())
				.param("fen", fen)
				.param("from", effectiveFrom)
				.param("by", by)
				.update();
			changes.put(role.name(), new Change(old == null ? null : Fen.format(old), Fen.format(fen)));
		});
		audit.record(AuditEntry.of(AuditAction.UPDATE)
			.entity("DuesSchedule", orgId + "/" + form.year())
			.org(orgId)
			.summary(org.name() + " " + form.year() + " 会费标准 " + form.proration() + " " + form.dueOn())
			.changes(changes));
		return of(orgId, form.year());
	}

}
