package org.chamberlink.casework;

import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.MemberAccounts;
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
 * A member files a need or a complaint in the portal, with an organisation they belong to today
 * (which need not lie in any staff scope: the member has none). Staff filing is {@link CaseFiling}.
 */
@Service
public class PortalCaseFiling {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final MemberAccounts memberAccounts;

	private final PartyEmails partyEmails;

	private final CaseRecords records;

	private final CaseAttachments attachments;

	private final FiledCases cases;

	private final Clock clock;

	PortalCaseFiling(JdbcClient jdbc, Organizations organizations, MemberAccounts memberAccounts,
			PartyEmails partyEmails, CaseRecords records, CaseAttachments attachments, FiledCases cases, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.memberAccounts = memberAccounts;
		this.partyEmails = partyEmails;
		this.records = records;
		this.attachments = attachments;
		this.cases = cases;
		this.clock = clock;
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
		java.util.Optional<Long> already = alreadyFiled(form.submissionKey(), partyId);
		if (already.isPresent()) {
			return already.get();
		}
		CaseKind kind = CaseInput.required(form.kind(), "kind", "case.kindRequired");
		if (kind == CaseKind.MEDIATION) {
			throw new RuleViolationException("kind", "case.kindRequired");
		}
		CaseCategory category = FiledCases.category(kind, form.category());
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
		Long id = cases.insert(kind, category, CaseChannel.PORTAL, org, title, description, partyId, null, null);
		String respondent = CaseInput.optional(form.respondentName(), 200, "respondentName", "case.respondent");
		jdbc.sql("""
				update service_case set respondent_name = :respondent, amount_involved_fen = :amount,
				    -- a key another member's case holds (only a tampered form) is not kept
				    submission_key = case when exists (select 1 from service_case k where k.submission_key = :key)
				                          then null else cast(:key as uuid) end
				where id = :id""")
			.param("respondent", respondent)
			.param("amount", amountInvolved)
			.param("key", form.submissionKey())
			.param("id", id)
			.update();
		cases.filed(id, org.id(), null);
		return id;
	}

	/**
	 * The case this member already filed with this form's key. The second of two taps waits here for
	 * the first one's transaction (a lock on the key), then finds its case instead of filing another.
	 */
	private java.util.Optional<Long> alreadyFiled(java.util.UUID key, Long partyId) {
		if (key == null) {
			return java.util.Optional.empty();
		}
		jdbc.sql("select pg_advisory_xact_lock(:lock)")
			.param("lock", key.getMostSignificantBits() ^ key.getLeastSignificantBits())
			.query()
			.singleRow();
		return jdbc.sql("select id from service_case where submission_key = :key and party_id = :party")
			.param("key", key)
			.param("party", partyId)
			.query(Long.class)
			.optional();
	}

}
