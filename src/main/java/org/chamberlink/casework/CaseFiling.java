package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberAccounts;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipStatus;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing a case: by staff for a member (or for two parties of a dispute), by a member in the
 * portal, from a visit, or on a court's referral. The time to accept starts at once, counted in
 * the handling organisation's working days.
 */
@Service
public class CaseFiling {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Members members;

	private final MemberAccounts memberAccounts;

	private final PartyEmails partyEmails;

	private final TimeLimits limits;

	private final WorkingCalendar calendar;

	private final CaseRecords records;

	private final CaseNotices notices;

	private final CaseAttachments attachments;

	private final AuditTrail audit;

	private final Clock clock;

	CaseFiling(JdbcClient jdbc, Organizations organizations, Members members, MemberAccounts memberAccounts,
			PartyEmails partyEmails, TimeLimits limits, WorkingCalendar calendar, CaseRecords records,
			CaseNotices notices, CaseAttachments attachments, AuditTrail audit, Clock clock) {
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
		this.memberAccounts = memberAccounts;
		this.partyEmails = partyEmails;
		this.limits = limits;
		this.calendar = calendar;
		this.records = records;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long file(CaseForm form) {
		CaseKind kind = CaseInput.required(form.kind(), "kind", "case.kindRequired");
		CaseCategory category = category(kind, form.category());
		if (form.orgId() == null) {
			throw new RuleViolationException("orgId", "case.orgRequired");
		}
		OrganizationSummary org = organizations.get(form.orgId());
		String title = CaseInput.text(form.title(), 200, "title", "case.titleRequired");
		String description = CaseInput.text(form.description(), 5000, "description", "case.descriptionRequired");
		Long partyId = form.partyId();
		String memberName = partyId == null ? null : members.get(partyId).name();
		if (partyId == null && kind != CaseKind.MEDIATION) {
			throw new RuleViolationException("partyId", "case.memberRequired");
		}
		MediationForm mediation = form instanceof MediationForm m ? m : null;
		CaseParticulars.Sides sides = mediation == null ? null : CaseParticulars.sides(mediation, memberName);
		if (form.visitId() != null && !jdbc.sql("""
				select exists (select 1 from visit where id = :visit and party_id = :party and %s)
				""".formatted(records.scope().on("org_path"))).param("visit", form.visitId()).param("party", partyId)
			.params(records.scope().param())
			.query(Boolean.class).single()) {
			throw new RuleViolationException("visitId", "case.visitUnknown");
		}
		CaseParticulars particulars = form instanceof ComplaintForm complaint ? CaseParticulars.of(complaint)
				: mediation != null ? CaseParticulars.of(mediation) : CaseParticulars.none();
		boolean court = mediation != null && mediation.referredByCourt();
		CaseChannel channel = form.visitId() != null ? CaseChannel.VISIT : court ? CaseChannel.COURT : CaseChannel.STAFF;
		Long id = insert(kind, category, channel, org, title, description, partyId, form.visitId());
		particulars.store(jdbc, id);
		if (sides != null) {
			side(id, "APPLICANT", sides.applicant(), partyId, sides.applicantContact());
			side(id, "RESPONDENT", particulars.respondentName(), null, sides.respondentContact());
		}
		filed(id, org.id(), court ? mediation.courtName().strip() : null);
		return id;
	}

	/** Files a case with a first attachment (a photo, a contract), all or nothing. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long fileWithAttachment(CaseForm form, Upload upload) {
		Long id = file(form);
		if (upload != null && upload.present()) {
			attachments.add(records.lockHandled(id), "ATTACHMENT", upload);
		}
		return id;
	}

	/** As {@link #fileOwn}, with a first attachment. */
	@Transactional
	@PreAuthorize(RoleGroups.MEMBER)
	public Long fileOwnWithAttachment(AccountPrincipal member, PortalCaseForm form, Upload upload) {
		Long id = fileOwn(member, form);
		if (upload != null && upload.present()) {
			Long partyId = partyEmails.partyOf(member).orElseThrow();
			attachments.add(records.lockOwn(id, partyId), "ATTACHMENT", upload);
		}
		return id;
	}

	/** A member files a need or complaint with one of the organisations they currently belong to. */
	@Transactional
	@PreAuthorize(RoleGroups.MEMBER)
	public Long fileOwn(AccountPrincipal member, PortalCaseForm form) {
		Long partyId = partyEmails.partyOf(member).orElseThrow(() -> new RecordNotFoundException("Party", member.id()));
		CaseKind kind = CaseInput.required(form.kind(), "kind", "case.kindRequired");
		if (kind == CaseKind.MEDIATION) {
			throw new RuleViolationException("kind", "case.kindRequired");
		}
		CaseCategory category = category(kind, form.category());
		LocalDate today = LocalDate.now(clock);
		boolean belongs = form.orgId() != null && memberAccounts.membershipsOf(member)
			.stream()
			.anyMatch(m -> m.orgId().equals(form.orgId()) && m.status(today) == MembershipStatus.ACTIVE);
		if (!belongs) {
			throw new RuleViolationException("orgId", "case.portal.orgRequired");
		}
		String title = CaseInput.text(form.title(), 200, "title", "case.titleRequired");
		String description = CaseInput.text(form.description(), 5000, "description", "case.descriptionRequired");
		Long amountInvolved = CaseInput.amount(form.amountInvolved(), "amountInvolved", "case.amountInvolved");
		OrganizationSummary org = organizations.findActiveUnscoped(form.orgId())
			.orElseThrow(() -> new RecordNotFoundException("Organization", form.orgId()));
		Long id = insert(kind, category, CaseChannel.PORTAL, org, title, description, partyId, null);
		String respondent = CaseInput.optional(form.respondentName(), 200, "respondentName", "case.respondent");
		jdbc.sql("update service_case set respondent_name = :respondent, amount_involved_fen = :amount where id = :id")
			.param("respondent", respondent)
			.param("amount", amountInvolved)
			.param("id", id)
			.update();
		filed(id, org.id(), null);
		return id;
	}

	private Long insert(CaseKind kind, CaseCategory category, CaseChannel channel, OrganizationSummary org, String title,
			String description, Long partyId, Long visitId) {
		int acceptDays = limits.of(org.path(), kind).acceptDays();
		return jdbc.sql("""
				insert into service_case (kind, category, state, channel, org_id, org_path, title, description, party_id,
				    visit_id, filed_by, accept_due_on)
				values (:kind, :category, 'SUBMITTED', :channel, :org, :path, :title, :description, :party, :visit, :by,
				    :acceptDue)
				returning id
				""")
			.param("kind", kind.name())
			.param("category", category.name())
			.param("channel", channel.name())
			.param("org", org.id())
			.param("path", org.path())
			.param("title", title)
			.param("description", description)
			.param("party", partyId)
			.param("visit", visitId)
			.param("by", CaseRecords.actor())
			.param("acceptDue", calendar.addWorkingDays(LocalDate.now(clock), acceptDays))
			.query(Long.class)
			.single();
	}

	private void filed(Long id, Long orgId, String comment) {
		records.hold(id, orgId, true);
		Long step = records.step(id, CaseAction.FILED, null, CaseState.SUBMITTED, orgId, null, comment);
		notices.stateChanged(id, step);
		audit.record(AuditEntry.of("CASE_FILED").entity("Case", id).org(orgId));
	}

	private void side(Long caseId, String side, String name, Long partyId, String contact) {
		jdbc.sql("insert into mediation_party (case_id, side, name, party_id, contact) values (:case, :side, :name, :party, :contact)")
			.param("case", caseId)
			.param("side", side)
			.param("name", name.strip())
			.param("party", partyId)
			.param("contact", CaseInput.blankToNull(contact))
			.update();
	}

	private static CaseCategory category(CaseKind kind, CaseCategory category) {
		if (category == null || category.kind() != kind) {
			throw new RuleViolationException("category", "case.categoryRequired");
		}
		return category;
	}

}
