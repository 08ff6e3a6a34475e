package org.chamberlink.proposal.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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
import org.chamberlink.proposal.Proposals.Step;
import org.chamberlink.proposal.Suggestions;
import org.chamberlink.proposal.Suggestions.Suggestion;
import org.chamberlink.proposal.Suggestions.SuggestionForm;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The proposal API (/api/v1/proposals): suggestions, proposals merged from them, and the steps of
 * their outcome. Out-of-scope ids answer 404 like unknown ones; refused input answers 422 with the
 * field (decision 0025). Figures: /api/v1/figures/proposal.*.
 */
@RestController
@RequestMapping("/api/v1/proposals")
@PreAuthorize(RoleGroups.READERS)
class ProposalApiController {

	/** A dated step of the outcome: adoption or a leader's instruction (the note is the instruction's text). */
	record StepForm(LocalDate on, String note) {
	}

	private final Suggestions suggestions;

	private final Proposals proposals;

	ProposalApiController(Suggestions suggestions, Proposals proposals) {
		this.suggestions = suggestions;
		this.proposals = proposals;
	}

	@GetMapping("/suggestions")
	List<Suggestion> suggestions(@RequestParam(required = false) Long orgId, @RequestParam(required = false) ProposalTopic topic,
			@RequestParam(defaultValue = "false") boolean open) {
		return suggestions.list(orgId, topic, open);
	}

	@GetMapping("/suggestions/{id}")
	Suggestion suggestion(@PathVariable Long id) {
		return suggestions.get(id);
	}

	@PostMapping("/suggestions")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Suggestion> submit(@RequestBody SuggestionForm form, @AuthenticationPrincipal AccountPrincipal me) {
		Long id = suggestions.submit(form, me);
		return ResponseEntity.created(URI.create("/api/v1/proposals/suggestions/" + id)).body(suggestions.get(id));
	}

	@GetMapping("/holders")
	List<PartyDetails> holders(@RequestParam HolderRole role) {
		return proposals.holders(role);
	}

	@GetMapping
	List<Proposal> proposals(@RequestParam(required = false) ProposalStatus status,
			@RequestParam(required = false) ProposalTopic topic) {
		return proposals.list(status, topic);
	}

	@GetMapping("/{id}")
	Proposal proposal(@PathVariable Long id) {
		return proposals.get(id);
	}

	@GetMapping("/{id}/steps")
	List<Step> steps(@PathVariable Long id) {
		return proposals.steps(id);
	}

	@GetMapping("/{id}/suggestions")
	List<Suggestion> ofProposal(@PathVariable Long id) {
		proposals.get(id);
		return suggestions.ofProposal(id);
	}

	@PostMapping
	@PreAuthorize(RoleGroups.FEDERATION)
	ResponseEntity<Proposal> merge(@RequestBody ProposalForm form, @AuthenticationPrincipal AccountPrincipal me) {
		Long id = proposals.merge(form, me);
		return ResponseEntity.created(URI.create("/api/v1/proposals/" + id)).body(proposals.get(id));
	}

	@PostMapping(path = "/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(RoleGroups.FEDERATION)
	Proposal answer(@PathVariable Long id, @RequestBody AnswerForm form, @AuthenticationPrincipal AccountPrincipal me) {
		proposals.answer(id, form, null, me);
		return proposals.get(id);
	}

	/** The answer with its document: multipart fields department, answer, answeredOn and file (at most 10 MB). */
	@PostMapping(path = "/{id}/answer", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RoleGroups.FEDERATION)
	Proposal answerWithDocument(@PathVariable Long id, @RequestParam(required = false) String department,
			@RequestParam(required = false) String answer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
			@RequestParam(name = "file", required = false) MultipartFile file, @AuthenticationPrincipal AccountPrincipal me)
			throws IOException {
		boolean has = file != null && !file.isEmpty();
		proposals.answer(id, new AnswerForm(department, answer, answeredOn), has ? new AnswerFile(file.getOriginalFilename(),
				file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file.getBytes()) : null, me);
		return proposals.get(id);
	}

	/** The answer's document, always as a download; 404 when the answer came without one. */
	@GetMapping("/{id}/answer-file")
	ResponseEntity<byte[]> answerFile(@PathVariable Long id) {
		AnswerFile file = proposals.answerFile(id);
		return ProposalPages.download(file.name(), file.bytes());
	}

	@PostMapping("/{id}/adopt")
	@PreAuthorize(RoleGroups.FEDERATION)
	Proposal adopt(@PathVariable Long id, @RequestBody StepForm form, @AuthenticationPrincipal AccountPrincipal me) {
		proposals.adopt(id, form.on(), form.note(), me);
		return proposals.get(id);
	}

	@PostMapping("/{id}/instruct")
	@PreAuthorize(RoleGroups.FEDERATION)
	Proposal instruct(@PathVariable Long id, @RequestBody StepForm form, @AuthenticationPrincipal AccountPrincipal me) {
		proposals.instruct(id, form.on(), form.note(), me);
		return proposals.get(id);
	}

}
