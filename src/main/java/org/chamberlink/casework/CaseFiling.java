package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.Members;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff file a case: for a member (or for two parties of a dispute), from a visit, or on a
 * court's referral. The time to accept starts at once, counted in the handling organisation's
 * working days ({@link FiledCases}). A member files in the portal through {@link PortalCaseFiling}.
 * A case from a paper ledger is entered after the fact with its real dates ({@link PastCase},
 * {@link BackdatedCases}).
 */
@Service
public class CaseFiling {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Members members;

	private final CaseRecords records;

	private final CaseAttachments attachments;

	private final FiledCases cases;

	private final BackdatedCases backdated;

	CaseFiling(JdbcClient jdbc, Organizations organizations, Members members, CaseRecords records,
			CaseAttachments attachments, FiledCases cases, BackdatedCases backdated) {
		this.backdated = backdated;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
		this.records = records;
		this.attachments = attachments;
		this.cases = cases;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long file(CaseForm form) {
		CaseKind kind = CaseInput.required(form.kind(), "kind", "case.kindRequired");
		CaseCategory category = FiledCases.category(kind, form.category());
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
		BackdatedCases.BackdatedCase past = form.past() != null && form.past().given()
				? backdated.check(form.past(), kind, organizations.details(org.id()).foundedOn()) : null;
		Long id = cases.insert(kind, category, channel, org, title, description, partyId, form.visitId(),
				past == null ? null : past.receivedOn());
		particulars.store(jdbc, id);
		if (sides != null) {
			side(id, "APPLICANT", sides.applicant(), partyId, sides.applicantContact());
			side(id, "RESPONDENT", particulars.respondentName(), null, sides.respondentContact());
		}
		String comment = court ? mediation.courtName().strip() : null;
		if (past == null) {
			cases.filed(id, org.id(), comment);
		}
		else {
			backdated.enter(id, org.id(), kind, comment, past);
		}
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

	private void side(Long caseId, String side, String name, Long partyId, String contact) {
		jdbc.sql("insert into mediation_party (case_id, side, name, party_id, contact) values (:case, :side, :name, :party, :contact)")
			.param("case", caseId)
			.param("side", side)
			.param("name", name.strip())
			.param("party", partyId)
			.param("contact", CaseInput.blankToNull(contact))
			.update();
	}

}
