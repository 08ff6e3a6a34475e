package org.chamberlink.honour.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourNominations;
import org.chamberlink.honour.HonourNotices;
import org.chamberlink.honour.Nomination;
import org.chamberlink.honour.web.ProgrammeDetail.BulkInput;
import org.chamberlink.honour.web.ProgrammeDetail.NominateInput;
import org.chamberlink.honour.web.ProgrammeDetail.OrganizationNominateInput;
import org.chamberlink.honour.web.ProgrammeDetail.StaffNominateInput;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Nominating on a programme's page (a member, an organisation of the tree, a staff member, members in
 * bulk), the actions on a nomination's row (the review, sending on, a member's application), the
 * public notice and the answers to objections.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class NominationPages {

	private final HonourNominations nominations;

	private final HonourAwards awards;

	private final HonourNotices notices;

	private final ProgrammeDetail detail;

	private final MessageSource messages;

	NominationPages(HonourNominations nominations, HonourAwards awards, HonourNotices notices, ProgrammeDetail detail,
			MessageSource messages) {
		this.nominations = nominations;
		this.awards = awards;
		this.notices = notices;
		this.detail = detail;
		this.messages = messages;
	}

	@PostMapping("/honours/{id}/nominations")
	@PreAuthorize(RoleGroups.WORKERS)
	String nominate(@PathVariable Long id, NominateInput nominateInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		return nominated(id, result, me, model, redirect, () -> nominations.nominate(nominateInput.form(id)));
	}

	@PostMapping("/honours/{id}/nominations/organization")
	@PreAuthorize(RoleGroups.WORKERS)
	String nominateOrganization(@PathVariable Long id, OrganizationNominateInput organizationNominateInput, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		return nominated(id, result, me, model, redirect, () -> nominations.nominateOrganization(organizationNominateInput.form(id)));
	}

	@PostMapping("/honours/{id}/nominations/staff")
	@PreAuthorize(RoleGroups.WORKERS)
	String nominateStaff(@PathVariable Long id, StaffNominateInput staffNominateInput, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		return nominated(id, result, me, model, redirect, () -> nominations.nominateStaff(staffNominateInput.form(id)));
	}

	@PostMapping("/honours/{id}/nominations/bulk")
	@PreAuthorize(RoleGroups.WORKERS)
	String bulk(@PathVariable Long id, BulkInput bulkInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		return detail.form(id, result, me, model, redirect,
				flash -> flash.addFlashAttribute("bulkOutcome", nominations.nominateAll(bulkInput.form(id))));
	}

	/** One action on a nomination row: accept, reject, more, forward, recommend, decision, resubmit, endorse, decline, award. */
	@PostMapping("/honours/nominations/{nid}/{action}")
	@PreAuthorize(RoleGroups.WORKERS)
	String act(@PathVariable Long nid, @PathVariable String action, @RequestParam(required = false) Integer rank,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String outsideBody,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String evidence,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		Nomination n = nominations.get(nid);
		return detail.row(n.programmeId(), me, model, redirect, flash -> {
			switch (action) {
				case "accept" -> nominations.accept(nid, rank);
				case "reject" -> nominations.reject(nid, reason);
				case "more" -> nominations.askForMore(nid, reason);
				case "forward" -> nominations.forward(nid);
				case "recommend" -> nominations.recommend(nid, outsideBody);
				case "decision" -> nominations.recordDecision(nid, decision, reason);
				case "resubmit" -> nominations.resubmit(nid, evidence);
				case "endorse" -> nominations.endorse(nid);
				case "decline" -> nominations.decline(nid, reason);
				case "award" -> awards.award(nid);
				default -> throw new RecordNotFoundException("Action", action);
			}
			flash.addFlashAttribute("success", "honour.saved");
		}, e -> RowRefusal.of(action, nid, e, messages, locale, "rank", rank == null ? null : rank.toString(), "reason", reason,
				"outsideBody", outsideBody, "evidence", evidence));
	}

	@PostMapping("/honours/{id}/notice")
	@PreAuthorize(RoleGroups.WORKERS)
	String notice(@PathVariable Long id, @RequestParam(required = false) HonourLevel level, RedirectAttributes redirect) {
		int count = nominations.publishNotice(id, level);
		redirect.addFlashAttribute("success", count > 0 ? "honour.notice.published" : "honour.notice.none");
		return "redirect:/honours/" + id;
	}

	@PostMapping("/honours/objections/{oid}/answer")
	@PreAuthorize(RoleGroups.WORKERS)
	String answer(@PathVariable Long oid, @RequestParam Long programmeId, @RequestParam(required = false) String answer,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		return detail.row(programmeId, me, model, redirect, flash -> {
			notices.answer(oid, answer);
			flash.addFlashAttribute("success", "honour.objection.answered");
		}, e -> RowRefusal.of("answer", oid, e, messages, locale, "answer", answer));
	}

	/** A nomination of one honouree: done, back to the programme with "saved". */
	private String nominated(Long id, BindingResult result, AccountPrincipal me, Model model, RedirectAttributes redirect,
			Supplier<Long> nominate) {
		return detail.form(id, result, me, model, redirect, flash -> {
			nominate.get();
			flash.addFlashAttribute("success", "honour.nomination.saved");
		});
	}

}
