package org.chamberlink.casework.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.casework.CaseCategory;
import org.chamberlink.casework.CaseFilter;
import org.chamberlink.casework.CaseKind;
import org.chamberlink.casework.CaseState;
import org.chamberlink.casework.Cases;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case list (with the overdue and transfer lists as filters); filing is {@link CaseFilingController}. */
@Controller
class CasePageController {

	static final int PAGE_SIZE = PageSizes.LIST;

	private final Cases cases;

	private final Clock clock;

	CasePageController(Cases cases, Clock clock) {
		this.cases = cases;
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


}
