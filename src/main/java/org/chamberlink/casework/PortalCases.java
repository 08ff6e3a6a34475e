package org.chamberlink.casework;

import org.chamberlink.identity.RoleGroups;
import java.util.List;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.PartyEmails;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in member's own cases and their trails, for the member portal. */
@Service
@PreAuthorize(RoleGroups.MEMBER)
public class PortalCases {

	private final JdbcClient jdbc;

	private final PartyEmails partyEmails;

	private final Cases cases;

	private final CaseNames names;

	private final CaseAttachments attachments;

	PortalCases(JdbcClient jdbc, PartyEmails partyEmails, Cases cases, CaseNames names, CaseAttachments attachments) {
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.partyEmails = partyEmails;
		this.cases = cases;
		this.names = names;
	}

	@Transactional(readOnly = true)
	public List<CaseView> own(AccountPrincipal member) {
		return partyEmails.partyOf(member)
			.map(party -> jdbc.sql(CaseView.COLUMNS + " where c.party_id = :party order by c.filed_at desc, c.id desc")
				.param("party", party)
				.query(CaseView.class)
				.list())
			.map(names::of)
			.orElse(List.of());
	}

	/** One of the member's own cases; anyone else's is not found. */
	@Transactional(readOnly = true)
	public CaseView own(AccountPrincipal member, Long id) {
		Long party = partyEmails.partyOf(member).orElseThrow(() -> new RecordNotFoundException("Case", id));
		return jdbc.sql(CaseView.COLUMNS + " where c.id = :id and c.party_id = :party")
			.param("id", id)
			.param("party", party)
			.query(CaseView.class)
			.optional()
			.map(found -> names.of(List.of(found)).get(0))
			.orElseThrow(() -> new RecordNotFoundException("Case", id));
	}

	/**
	 * The trail of the member's own case as the member sees it: what happened to it and which
	 * organisation did it, without the staff's internal notes, assignments, counsel and the
	 * offers between organisations, and without staff names.
	 */
	@Transactional(readOnly = true)
	public List<CaseStep> trail(AccountPrincipal member, Long id) {
		own(member, id);
		return cases.steps(id)
			.stream()
			.filter(step -> !INTERNAL.contains(step.action()))
			.map(step -> new CaseStep(step.id(), step.action(), step.fromState(), step.toState(), step.orgName(), null,
					null, step.comment(), step.at()))
			.toList();
	}

	private static final java.util.Set<CaseAction> INTERNAL = java.util.EnumSet.of(CaseAction.NOTE, CaseAction.ASSIGNED,
			CaseAction.COUNSEL, CaseAction.TRANSFER_OFFERED, CaseAction.TRANSFER_DECLINED, CaseAction.DOCUMENT);

	/** The files the member attached to their own case (not the office's working papers). */
	@Transactional(readOnly = true)
	public List<CaseAttachments.Attachment> ownAttachments(AccountPrincipal member, Long id) {
		own(member, id);
		return attachments.list(id).stream().filter(file -> member.id().equals(file.uploadedByAccount())).toList();
	}

	/** One file the member attached to their own case; any other is not found. */
	@Transactional(readOnly = true)
	public CaseAttachments.Download ownAttachment(AccountPrincipal member, Long id, Long attachmentId) {
		boolean theirs = ownAttachments(member, id).stream().anyMatch(file -> file.id().equals(attachmentId));
		return (theirs ? attachments.file(id, attachmentId) : java.util.Optional.<CaseAttachments.Download>empty())
			.orElseThrow(() -> new RecordNotFoundException("Attachment", attachmentId));
	}

}
