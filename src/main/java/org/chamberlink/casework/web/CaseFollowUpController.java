package org.chamberlink.casework.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.casework.CaseSatisfaction;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** After closing, staff record the rating the member gave them on the phone (回访). */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class CaseFollowUpController {

	private final CaseSatisfaction satisfaction;

	private final CaseDetailPage page;

	CaseFollowUpController(CaseSatisfaction satisfaction, CaseDetailPage page) {
		this.satisfaction = satisfaction;
		this.page = page;
	}

	@PostMapping("/cases/{id}/follow-up")
	String followUp(@PathVariable Long id, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			satisfaction.followUp(id, TypedInput.rating(rating), comment);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "followUp", e, locale, model, response, "rating", rating, "comment", comment);
		}
		return page.done(id, "case.followedUp", redirect);
	}

}
