package org.chamberlink.casework.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.casework.CaseCategory;
import org.chamberlink.casework.CaseFiling;
import org.chamberlink.casework.CaseFilter;
import org.chamberlink.casework.CaseForm;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseState;
import org.chamberlink.casework.Cases;
import org.chamberlink.casework.RespondentKind;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.Members;
import org.chamberlink.organization.OrganizationFilter;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case list (with the overdue and transfer lists as filters) and filing a case as staff. */
@Controller
class CasePageController {

	static final int PAGE_SIZE = PageSizes.LIST;

	private final Cases cases;

	private final CaseFiling filing;

	private final Members members;

	private final Organizations organizations;

	private final MessageSource messages;

	private final Clock clock;

	CasePageController(Cases cases, CaseFiling filing, Members members, Organizations organizations,
			MessageSource messages, Clock clock) {
		this.cases = cases;
		this.filing = filing;
		this.members = members;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/cases")
	@PreAuthorize(RoleGroups.READERS)
	String list(@RequestParam(required = false) CaseKind kind, @RequestParam(required = false) CaseCategory category,
			@RequestParam(required = false) CaseState state, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean offered, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CaseFilter filter = new CaseFilter(kind, category, state, orgId, open, overdue, offered, keyword);
		model.addAttribute("filter", filter);
		model.addAttribute("cases", cases.search(filter, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("states", CaseState.values());
		model.addAttribute("categories", kind == null ? List.of(CaseCategory.values()) : kind.categories());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("offeredCount", cases.search(new CaseFilter(null, null, null, null, null, null, true, null),
				PageRequest.of(0, 1)).getTotalElements());
		return "casework/list";
	}

	/** The filing form; a member is found by keyword on the same page, no script needed. */
	@GetMapping("/cases/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String newCase(@RequestParam(defaultValue = "COMPLAINT") CaseKind kind, @RequestParam(required = false) Long partyId,
			@RequestParam(required = false) String memberKeyword, @RequestParam(required = false) Long visitId,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("categories", kind.categories());
		model.addAttribute("respondentKinds", RespondentKind.values());
		model.addAttribute("organizations", organizations.search(OrganizationFilter.none(), PageRequest.of(0, 500)).getContent());
		model.addAttribute("defaultOrgId", me.orgId());
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

	@PostMapping("/cases")
	@PreAuthorize(RoleGroups.WORKERS)
	String file(@ModelAttribute CaseForm form, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws IOException {
		try {
			Long id = filing.fileWithAttachment(form, Uploads.of(file));
			redirect.addFlashAttribute("success", "case.filed");
			return "redirect:/cases/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("form", form);
			model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
			model.addAttribute("errorField", e.field());
			return newCase(form.kind() == null ? CaseKind.COMPLAINT : form.kind(), form.partyId(), null, form.visitId(), me,
					model);
		}
	}


}
