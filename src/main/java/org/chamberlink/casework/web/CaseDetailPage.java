package org.chamberlink.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.CaseAttachments;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseTransferTargets;
import org.chamberlink.casework.CaseView;
import org.chamberlink.casework.CaseWorkflow;
import org.chamberlink.casework.Cases;
import org.chamberlink.casework.MediationRecords;
import org.chamberlink.casework.MediationResult;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One case's page: its facts, trail, files, and the forms for the steps its state allows. Drawn by
 * its GET and again by a refused step (decision 25), whose {@code RowRefusal} fills that step's form
 * with what was typed and puts the message on its field.
 */
@Component
class CaseDetailPage {

	/** The fields of a refusal about the case itself rather than what was typed (see {@link #aboutTheCase}). */
	private static final Set<String> ABOUT_THE_CASE = Set.of("state", "kind");

	private final Cases cases;

	private final CaseTransferTargets transferTargets;

	private final MediationRecords mediation;

	private final CaseAttachments attachments;

	private final AccountManagement accounts;

	private final DataScopes scopes;

	private final MessageSource messages;

	private final Clock clock;

	CaseDetailPage(Cases cases, CaseTransferTargets transferTargets, MediationRecords mediation,
			CaseAttachments attachments, AccountManagement accounts, DataScopes scopes, MessageSource messages,
			Clock clock) {
		this.cases = cases;
		this.transferTargets = transferTargets;
		this.mediation = mediation;
		this.attachments = attachments;
		this.accounts = accounts;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	String render(Long id, AccountPrincipal me, Model model) {
		CaseView kase = cases.get(id);
		model.addAttribute("case", kase);
		model.addAttribute("trail", cases.trail(id));
		model.addAttribute("attachments", attachments.of(id));
		model.addAttribute("today", LocalDate.now(clock));
		// the caller works the case only while its organisation is in their subtree
		boolean handles = scopes.current().covers(transferTargets.pathOf(kase.orgId()));
		model.addAttribute("handles", handles);
		model.addAttribute("offeredToMe", kase.transferPending() && kase.transferToOrgId().equals(me.orgId()));
		if (handles && kase.state().open()) {
			model.addAttribute("handlers", accounts.inOrganization(kase.orgId())
				.stream()
				.filter(CaseWorkflow::canHandle)
				.toList());
			// the transfer picker's choices without script, and the label of the one chosen on a refused transfer
			model.addAttribute("targets", transferTargets.transferTargets(kase)
				.stream()
				.map(target -> new org.chamberlink.web.Pick(target.id().toString(), target.name(), null))
				.toList());
		}
		if (kase.kind() == CaseKind.MEDIATION) {
			model.addAttribute("sides", mediation.sides(id));
			model.addAttribute("sessions", mediation.sessions(id));
			model.addAttribute("failures", new MediationResult[] { MediationResult.FAILED, MediationResult.REFERRED_TO_COURT });
		}
		return "casework/detail";
	}

	/** A step done: back to the case (Post/Redirect/Get) with its notice. */
	String done(Long id, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", notice);
		return "redirect:/cases/" + id;
	}

	/**
	 * A step refused: the page drawn again by this request (422), the step's form holding what was
	 * typed ({@code typed} alternates names and values) and the message on the field it names.
	 */
	String refused(Long id, String form, RuleViolationException e, Locale locale, Model model,
			HttpServletResponse response, String... typed) {
		RowRefusal refusal = RowRefusal.of(form, id, e, messages, locale, typed);
		model.addAttribute(aboutTheCase(e) ? "caseRefusal" : "refusal", refusal);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(id, (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal(), model);
	}

	/**
	 * Another worker changed the case after this form was drawn (decision 54): 409, the page drawn
	 * again with the case as it is now, the form holding what was typed and saying that nothing was
	 * saved; sending it again (now against the new version) saves it.
	 */
	String changedMeanwhile(Long id, String form, Locale locale, Model model, HttpServletResponse response,
			String... typed) {
		RowRefusal refusal = RowRefusal.of(form, id, new RuleViolationException("version", "case.changedMeanwhile"),
				messages, locale, typed);
		model.addAttribute("refusal", refusal);
		response.setStatus(HttpStatus.CONFLICT.value());
		return render(id, (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal(), model);
	}

	/**
	 * Whether a refusal concerns the case rather than the form: it moved on in another window (accepted,
	 * closed, rated already) or is not of the kind the step needs. The step's form is then no longer
	 * drawn, so the page shows the message above the case instead ({@code caseRefusal}).
	 */
	static boolean aboutTheCase(RuleViolationException e) {
		return ABOUT_THE_CASE.contains(e.field()) || "case.ratedAlready".equals(e.messageKey());
	}

}
