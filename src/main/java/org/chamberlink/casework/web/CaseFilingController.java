package org.chamberlink.casework.web;

import org.chamberlink.shared.PageSizes;
import java.io.IOException;

import org.chamberlink.casework.CaseFiling;
import org.chamberlink.casework.CaseForm;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseState;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.casework.ComplaintForm;
import org.chamberlink.casework.MediationForm;
import org.chamberlink.casework.NeedForm;
import org.chamberlink.casework.RespondentKind;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.Members;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Filing a case as staff: one form per kind (the page's hidden {@code kind} picks the record it
 * binds); a refused one comes back with what was typed and the message on its field (decision 25).
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class CaseFilingController {

	private final CaseFiling filing;

	private final Members members;

	private final java.time.Clock clock;

	CaseFilingController(CaseFiling filing, Members members, java.time.Clock clock) {
		this.clock = clock;
		this.filing = filing;
		this.members = members;
	}

	/**
	 * The filing form: the member and the handling organisation are chosen with pickers; without
	 * script a member is found by keyword on the same page and the handling organisation chosen
	 * among the caller's own, those directly below and the one chosen.
	 */
	@GetMapping("/cases/new")
	String newCase(@RequestParam(defaultValue = "COMPLAINT") CaseKind kind, @RequestParam(required = false) Long partyId,
			@RequestParam(required = false) String memberKeyword, @RequestParam(required = false) Long visitId,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("categories", kind.categories());
		model.addAttribute("respondentKinds", RespondentKind.values());
		// a case entered after the fact (补录) ends as it did: resolved, closed without result or rejected
		model.addAttribute("pastResults", java.util.List.of(CaseState.RESOLVED, CaseState.UNRESOLVED, CaseState.REJECTED));
		model.addAttribute("today", java.time.LocalDate.now(clock));
		model.addAttribute("memberKeyword", memberKeyword);
		if (partyId != null) {
			model.addAttribute("party", members.get(partyId));
		}
		else if (memberKeyword != null && !memberKeyword.isBlank()) {
			model.addAttribute("matches", members.search(MemberFilter.current().matching(memberKeyword).sortedBy("name"),
					PageRequest.of(0, PageSizes.MATCHES)).getContent());
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CaseForm.blank(kind, me.orgId(), partyId, visitId));
		}
		return "casework/new";
	}

	@PostMapping(path = "/cases", params = "kind=NEED")
	String fileNeed(@ModelAttribute("form") NeedForm form, BindingResult result, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) throws IOException {
		return file(form, result, file, me, model, redirect);
	}

	@PostMapping(path = "/cases", params = "kind=COMPLAINT")
	String fileComplaint(@ModelAttribute("form") ComplaintForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) throws IOException {
		return file(form, result, file, me, model, redirect);
	}

	@PostMapping(path = "/cases", params = "kind=MEDIATION")
	String fileMediation(@ModelAttribute("form") MediationForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) throws IOException {
		return file(form, result, file, me, model, redirect);
	}

	private String file(CaseForm form, BindingResult result, MultipartFile file, AccountPrincipal me, Model model,
			RedirectAttributes redirect) throws IOException {
		if (!result.hasErrors()) {
			try {
				Long id = filing.fileWithAttachment(form, Uploads.of(file));
				redirect.addFlashAttribute("success", form.past().given() ? "case.past.entered" : "case.filed");
				return "redirect:/cases/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return newCase(form.kind(), form.partyId(), null, form.visitId(), me, model);
	}

}
