package org.chamberlink.casework.web;

import org.chamberlink.identity.RoleGroups;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.casework.CaseAttachments;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseSatisfaction;
import org.chamberlink.casework.CaseTransfers;
import org.chamberlink.casework.CaseView;
import org.chamberlink.casework.CaseWorkflow;
import org.chamberlink.casework.CaseTransferTargets;
import org.chamberlink.casework.Cases;
import org.chamberlink.casework.MediationRecords;
import org.chamberlink.casework.MediationResult;
import org.chamberlink.casework.ResolveForm;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One case: its facts, trail, files, and the forms for the steps its state allows. */
@Controller
class CaseDetailController {

	/** A step that may be refused with a rule violation. */
	private interface Step {

		void run() throws IOException;

	}

	private final Cases cases;

	private final CaseTransferTargets transferTargets;

	private final CaseWorkflow workflow;

	private final CaseTransfers transfers;

	private final CaseSatisfaction satisfaction;

	private final MediationRecords mediation;

	private final CaseAttachments attachments;

	private final AccountManagement accounts;

	private final DataScopes scopes;

	private final MessageSource messages;

	private final Clock clock;

	CaseDetailController(Cases cases, CaseWorkflow workflow, CaseTransfers transfers, CaseSatisfaction satisfaction,
			MediationRecords mediation, CaseAttachments attachments, AccountManagement accounts, DataScopes scopes,
			MessageSource messages, Clock clock, CaseTransferTargets transferTargets) {
		this.transferTargets = transferTargets;
		this.cases = cases;
		this.workflow = workflow;
		this.transfers = transfers;
		this.satisfaction = satisfaction;
		this.mediation = mediation;
		this.attachments = attachments;
		this.accounts = accounts;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/cases/{id}")
	@PreAuthorize(RoleGroups.READERS)
	String detail(@PathVariable Long id,
			@org.springframework.security.core.annotation.AuthenticationPrincipal org.chamberlink.identity.AccountPrincipal me,
			Model model) {
		CaseView kase = cases.get(id);
		model.addAttribute("case", kase);
		model.addAttribute("trail", cases.trail(id));
		model.addAttribute("attachments", attachments.of(id));
		model.addAttribute("today", LocalDate.now(clock));
		// the caller works the case only while its organisation is in their subtree
		boolean handles = scopes.current().covers(orgPath(kase));
		model.addAttribute("handles", handles);
		model.addAttribute("offeredToMe", kase.transferPending() && kase.transferToOrgId().equals(me.orgId()));
		if (handles && kase.state().open()) {
			model.addAttribute("handlers", accounts.inOrganization(kase.orgId())
				.stream()
				.filter(CaseWorkflow::canHandle)
				.toList());
			model.addAttribute("targets", transferTargets.transferTargets(kase));
		}
		if (kase.kind() == CaseKind.MEDIATION) {
			model.addAttribute("sides", mediation.sides(id));
			model.addAttribute("sessions", mediation.sessions(id));
			model.addAttribute("failures", new MediationResult[] { MediationResult.FAILED, MediationResult.REFERRED_TO_COURT });
		}
		return "casework/detail";
	}

	@PostMapping("/cases/{id}/accept")
	@PreAuthorize(RoleGroups.WORKERS)
	String accept(@PathVariable Long id, @RequestParam(required = false) Long handlerAccountId,
			@RequestParam(required = false) String comment, Locale locale, RedirectAttributes redirect) {
		return step(id, "case.accepted", locale, redirect, () -> workflow.accept(id, handlerAccountId, comment));
	}

	@PostMapping("/cases/{id}/reject")
	@PreAuthorize(RoleGroups.WORKERS)
	String reject(@PathVariable Long id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		return step(id, "case.rejected", locale, redirect, () -> workflow.reject(id, reason));
	}

	@PostMapping("/cases/{id}/assign")
	@PreAuthorize(RoleGroups.WORKERS)
	String assign(@PathVariable Long id, @RequestParam(required = false) Long handlerAccountId, Locale locale,
			RedirectAttributes redirect) {
		return step(id, "case.assigned", locale, redirect, () -> workflow.assign(id, handlerAccountId, null));
	}

	@PostMapping("/cases/{id}/counsel")
	@PreAuthorize(RoleGroups.WORKERS)
	String counsel(@PathVariable Long id, @RequestParam(required = false) String counselName, Locale locale,
			RedirectAttributes redirect) {
		return step(id, "case.counselAssigned", locale, redirect, () -> workflow.assignCounsel(id, counselName));
	}

	@PostMapping("/cases/{id}/start")
	@PreAuthorize(RoleGroups.WORKERS)
	String start(@PathVariable Long id, Locale locale, RedirectAttributes redirect) {
		return step(id, "case.started", locale, redirect, () -> workflow.start(id, null));
	}

	@PostMapping("/cases/{id}/notes")
	@PreAuthorize(RoleGroups.WORKERS)
	String note(@PathVariable Long id, @RequestParam(required = false) String comment, Locale locale,
			RedirectAttributes redirect) {
		return step(id, "case.noted", locale, redirect, () -> workflow.note(id, comment));
	}

	@PostMapping("/cases/{id}/attachments")
	@PreAuthorize(RoleGroups.WORKERS)
	String attach(@PathVariable Long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "ATTACHMENT") String purpose, Locale locale, RedirectAttributes redirect) {
		return step(id, "case.attached", locale, redirect,
				() -> attachments.attach(id, "AGREEMENT".equals(purpose), Uploads.of(file)));
	}

	@PostMapping("/cases/{id}/transfer")
	@PreAuthorize(RoleGroups.WORKERS)
	String transfer(@PathVariable Long id, @RequestParam(required = false) Long toOrgId,
			@RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
		return step(id, "case.transferOffered", locale, redirect, () -> transfers.offer(id, toOrgId, reason));
	}

	@PostMapping("/cases/{id}/transfer/accept")
	@PreAuthorize(RoleGroups.WORKERS)
	String acceptTransfer(@PathVariable Long id, @RequestParam(required = false) String comment, Locale locale,
			RedirectAttributes redirect) {
		return step(id, "case.transferAccepted", locale, redirect, () -> transfers.accept(id, comment));
	}

	@PostMapping("/cases/{id}/transfer/decline")
	@PreAuthorize(RoleGroups.WORKERS)
	String declineTransfer(@PathVariable Long id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		String back = step(id, "case.transferDeclined", locale, redirect, () -> transfers.decline(id, reason));
		// once declined the case is no longer the decliner's to see: back to the transfers waiting
		return redirect.getFlashAttributes().containsKey("stepError") ? back : "redirect:/cases?offered=true";
	}

	@PostMapping("/cases/{id}/resolve")
	@PreAuthorize(RoleGroups.WORKERS)
	String resolve(@PathVariable Long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String amountRecovered, @RequestParam(required = false) String agreementTerms,
			@RequestParam(required = false) MultipartFile agreement, Locale locale, RedirectAttributes redirect) {
		return step(id, "case.resolvedDone", locale, redirect,
				() -> workflow.resolve(id, new ResolveForm(outcome, amountRecovered, agreementTerms), Uploads.of(agreement)));
	}

	@PostMapping("/cases/{id}/close")
	@PreAuthorize(RoleGroups.WORKERS)
	String close(@PathVariable Long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) MediationResult mediationResult, Locale locale, RedirectAttributes redirect) {
		return step(id, "case.closedDone", locale, redirect, () -> workflow.closeUnresolved(id, outcome, mediationResult));
	}

	@PostMapping("/cases/{id}/follow-up")
	@PreAuthorize(RoleGroups.WORKERS)
	String followUp(@PathVariable Long id, @RequestParam(required = false) Integer rating,
			@RequestParam(required = false) String comment, Locale locale, RedirectAttributes redirect) {
		return step(id, "case.followedUp", locale, redirect, () -> satisfaction.followUp(id, rating, comment));
	}

	@PostMapping("/cases/{id}/sessions")
	@PreAuthorize(RoleGroups.WORKERS)
	String session(@PathVariable Long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String mediators,
			@RequestParam(required = false) String notes, Locale locale, RedirectAttributes redirect) {
		return step(id, "mediation.sessionRecorded", locale, redirect,
				() -> mediation.session(id, heldOn, place, mediators, notes));
	}

	@PostMapping("/cases/{id}/court-report")
	@PreAuthorize(RoleGroups.WORKERS)
	String courtReport(@PathVariable Long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			Locale locale, RedirectAttributes redirect) {
		return step(id, "mediation.reported", locale, redirect, () -> mediation.reportedToCourt(id, reportedOn));
	}

	private String step(Long id, String done, Locale locale, RedirectAttributes redirect, Step step) {
		try {
			step.run();
			redirect.addFlashAttribute("success", done);
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("stepError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return "redirect:/cases/" + id;
	}

	private String orgPath(CaseView kase) {
		return pathOf(kase.orgId());
	}

	private String pathOf(Long orgId) {
		return transferTargets.pathOf(orgId);
	}

}
