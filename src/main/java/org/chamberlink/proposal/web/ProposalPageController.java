package org.chamberlink.proposal.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.proposal.HolderRole;
import org.chamberlink.proposal.ProposalStatus;
import org.chamberlink.proposal.ProposalTopic;
import org.chamberlink.proposal.Proposals;
import org.chamberlink.proposal.Proposals.AnswerFile;
import org.chamberlink.proposal.Proposals.AnswerForm;
import org.chamberlink.proposal.Proposals.Proposal;
import org.chamberlink.proposal.Proposals.ProposalForm;
import org.chamberlink.proposal.Suggestions;
import org.chamberlink.proposal.Suggestions.SuggestionForm;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's proposal pages: suggestions (with the form a chamber submits one by, and the
 * federation's form merging chosen ones into a proposal), proposals, and a proposal's page with its
 * suggestions, dated steps and the forms recording an answer, adoption or a leader's instruction.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class ProposalPageController {

	/** A person who may be handed a proposal, with the role they hold. */
	public record Holder(Long partyId, String name, HolderRole role) {
	}

	private final Suggestions suggestions;

	private final Proposals proposals;

	private final ProposalPages pages;

	ProposalPageController(Suggestions suggestions, Proposals proposals, ProposalPages pages) {
		this.suggestions = suggestions;
		this.proposals = proposals;
		this.pages = pages;
	}

	@GetMapping("/proposals/suggestions")
	String suggestions(@RequestParam(required = false) ProposalTopic topic, @RequestParam(defaultValue = "false") boolean open,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("suggestions", suggestions.list(null, topic, open));
		model.addAttribute("topic", topic);
		model.addAttribute("open", open);
		model.addAttribute("topics", ProposalTopic.values());
		model.addAttribute("roles", HolderRole.values());
		model.addAttribute("organizations", pages.organisations(me));
		if (!model.containsAttribute("chosen")) {
			model.addAttribute("chosen", List.of());
		}
		model.addAttribute("holders", holders());
		return "proposal/suggestions";
	}

	private List<Holder> holders() {
		List<Holder> all = new ArrayList<>();
		for (HolderRole role : HolderRole.values()) {
			for (PartyDetails p : proposals.holders(role)) {
				all.add(new Holder(p.id(), p.name(), role));
			}
		}
		return all;
	}

	@PostMapping("/proposals/suggestions")
	@PreAuthorize(RoleGroups.WORKERS)
	String submit(@RequestParam(required = false) Long orgId, @RequestParam(required = false) ProposalTopic topic,
			@RequestParam(required = false) String problem, @RequestParam(required = false) String suggestion,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			suggestions.submit(new SuggestionForm(orgId, topic, problem, suggestion), me);
			return pages.done("/proposals/suggestions", "proposal.suggestion.submitted", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "suggestion", e, locale, "orgId", ProposalPages.text(orgId), "topic", ProposalPages.text(topic),
					"problem", problem, "suggestion", suggestion);
			return suggestions(null, false, me, model);
		}
	}

	@GetMapping("/proposals")
	String list(@RequestParam(required = false) ProposalStatus status, @RequestParam(required = false) ProposalTopic topic,
			Model model) {
		model.addAttribute("proposals", proposals.list(status, topic));
		model.addAttribute("status", status);
		model.addAttribute("topic", topic);
		model.addAttribute("statuses", ProposalStatus.values());
		model.addAttribute("topics", ProposalTopic.values());
		return "proposal/list";
	}

	@PostMapping("/proposals")
	@PreAuthorize(RoleGroups.FEDERATION)
	String merge(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
			@RequestParam(required = false) ProposalTopic topic, @RequestParam(required = false) HolderRole holderRole,
			@RequestParam(required = false) Long holderPartyId, @RequestParam(required = false) List<Long> suggestionIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long id = proposals.merge(new ProposalForm(orgId != null ? orgId : me.orgId(), title, topic, holderRole, holderPartyId,
					suggestionIds, submittedOn), me);
			return pages.done("/proposals/" + id, "proposal.merged", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "merge", e, locale, "title", title, "topic", ProposalPages.text(topic), "holderRole",
					ProposalPages.text(holderRole), "holderPartyId", ProposalPages.text(holderPartyId), "submittedOn",
					ProposalPages.text(submittedOn));
			model.addAttribute("chosen", suggestionIds == null ? List.of() : suggestionIds);
			return suggestions(null, true, me, model);
		}
	}

	@GetMapping("/proposals/{id}")
	String detail(@PathVariable Long id, Model model) {
		Proposal proposal = proposals.get(id);
		model.addAttribute("proposal", proposal);
		model.addAttribute("steps", proposals.steps(id));
		model.addAttribute("suggestions", suggestions.ofProposal(id));
		return "proposal/detail";
	}

	@PostMapping("/proposals/{id}/answer")
	@PreAuthorize(RoleGroups.FEDERATION)
	String answer(@PathVariable Long id, @RequestParam(required = false) String department,
			@RequestParam(required = false) String answer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model, RedirectAttributes redirect) throws IOException {
		proposals.get(id);
		try {
			boolean has = file != null && !file.isEmpty();
			proposals.answer(id, new AnswerForm(department, answer, answeredOn), has
					? new AnswerFile(file.getOriginalFilename(), file.getContentType() == null ? "application/octet-stream"
							: file.getContentType(), file.getBytes())
					: null, me);
			return pages.done("/proposals/" + id, "proposal.answered", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "answer", e, locale, "department", department, "answer", answer, "answeredOn",
					ProposalPages.text(answeredOn));
			return detail(id, model);
		}
	}

	@PostMapping("/proposals/{id}/adopt")
	@PreAuthorize(RoleGroups.FEDERATION)
	String adopt(@PathVariable Long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		proposals.get(id);
		try {
			proposals.adopt(id, adoptedOn, note, me);
			return pages.done("/proposals/" + id, "proposal.adopted", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "adopt", e, locale, "adoptedOn", ProposalPages.text(adoptedOn), "note", note);
			return detail(id, model);
		}
	}

	@PostMapping("/proposals/{id}/instruct")
	@PreAuthorize(RoleGroups.FEDERATION)
	String instruct(@PathVariable Long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate instructedOn,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		proposals.get(id);
		try {
			proposals.instruct(id, instructedOn, note, me);
			return pages.done("/proposals/" + id, "proposal.instructed", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "instruct", e, locale, "instructedOn", ProposalPages.text(instructedOn), "note", note);
			return detail(id, model);
		}
	}

	@GetMapping("/proposals/{id}/answer-file")
	ResponseEntity<byte[]> answerFile(@PathVariable Long id) {
		AnswerFile file = proposals.answerFile(id);
		return ProposalPages.download(file.name(), file.bytes());
	}

}
