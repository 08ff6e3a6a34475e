package org.chamberlink.activity.web;

import java.util.Locale;

import org.chamberlink.activity.ActivityMinutes;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Minutes (会议纪要) of an activity: the page, and recording them. Rows of resolutions are added
 * and removed by the form's own buttons (a round trip, so it works without script); a refused form
 * comes back with every row as typed and the message on its field ({@code resolutions[0].votesFor}).
 */
@Controller
class MinutesController {

	private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^resolutions\\[(\\d{1,9})\\]");

	private final ActivityMinutes minutes;

	private final MinutesPage page;

	MinutesController(ActivityMinutes minutes, MinutesPage page) {
		this.minutes = minutes;
		this.page = page;
	}

	/**
	 * A hand-made request naming a row beyond any the page draws ({@code resolutions[300].text}) cannot
	 * be read as minutes: 400 before binding, where Spring's list binding would fail on it.
	 */
	@InitBinder("minutesForm")
	void rowsWithinReach(HttpServletRequest request) {
		for (String name : java.util.Collections.list(request.getParameterNames())) {
			java.util.regex.Matcher matcher = ROW.matcher(name);
			if (name.startsWith("resolutions[") && (!matcher.find() || Integer.parseInt(matcher.group(1)) >= ActivityMinutes.MAX_RESOLUTIONS)) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name);
			}
		}
	}

	@GetMapping("/activities/{id}/minutes")
	@PreAuthorize(RoleGroups.READERS)
	String show(@PathVariable Long id, Locale locale, Model model) {
		return page.render(id, null, locale, model);
	}

	@PostMapping("/activities/{id}/minutes")
	@PreAuthorize(RoleGroups.WORKERS)
	String record(@PathVariable Long id, MinutesForm minutesForm, BindingResult result,
			@RequestParam(required = false) String addRow, @RequestParam(required = false) Integer removeRow, Locale locale,
			Model model, RedirectAttributes redirect) {
		if (addRow != null || removeRow != null) {
			// a row added or taken away: the form again as typed, nothing saved, no message
			MinutesForm changed = addRow != null && minutesForm.resolutions().size() < ActivityMinutes.MAX_RESOLUTIONS
					? minutesForm.withRowAdded() : removeRow != null ? minutesForm.withRowRemoved(removeRow) : minutesForm;
			model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "minutesForm");
			model.addAttribute("minutesForm", changed);
			return page.render(id, changed, locale, model);
		}
		if (result.hasErrors()) {
			return page.render(id, minutesForm, locale, model);
		}
		MinutesForm compact = minutesForm.compact();
		try {
			minutes.record(id, compact.summary(), compact.typed());
		}
		catch (RuleViolationException e) {
			BindingResult refused = new BeanPropertyBindingResult(compact, "minutesForm");
			FormErrors.reject(refused, e);
			model.addAttribute("minutesForm", compact);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "minutesForm", refused);
			return page.render(id, compact, locale, model);
		}
		redirect.addFlashAttribute("success", "activity.minutes.saved");
		return "redirect:/activities/" + id + "/minutes";
	}

}
