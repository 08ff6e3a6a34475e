package org.chamberlink.region.web;

import jakarta.validation.Valid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.chamberlink.region.NewRegion;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Browse the division tree; add a region the NBS file lacks, or mark one abolished (admins, /admin/**). */
@Controller
class RegionAdminController {

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	RegionAdminController(Regions regions, MessageSource messages, Clock clock) {
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavigationItem regionsNavigationItem() {
		return NavigationItem.forRoles(NavigationSection.SYSTEM, "nav.regions", "/admin/regions", 940, "SYSTEM_ADMIN");
	}

	@GetMapping("/admin/regions")
	String browse(@RequestParam(required = false) String code, Model model) {
		Region current = code == null || code.isBlank() ? null : regions.get(code.trim());
		List<Region> trail = new ArrayList<>();
		for (Region r = current; r != null; r = r.parentCode() == null ? null : regions.get(r.parentCode())) {
			trail.add(0, r);
		}
		model.addAttribute("current", current);
		model.addAttribute("trail", trail);
		model.addAttribute("children", regions.children(current == null ? null : current.code()));
		model.addAttribute("today", LocalDate.now(clock));
		if (!model.containsAttribute("newRegion")) {
			model.addAttribute("newRegion", new NewRegion(null, null, current == null ? null : current.code()));
		}
		return "region/admin";
	}

	@PostMapping("/admin/regions")
	String add(@Valid @ModelAttribute("newRegion") NewRegion form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Region added = regions.add(new NewRegion(form.code().trim(), form.name().trim(), form.parentCode()));
				redirect.addFlashAttribute("regionMessage", messages.getMessage("region.added",
						new Object[] { added.name() }, locale));
				redirect.addAttribute("code", form.parentCode());
				return "redirect:/admin/regions";
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		// the same page, with what was typed and each message on its field (decision 25)
		return browse(form.parentCode(), model);
	}

	@PostMapping("/admin/regions/abolish")
	String abolish(@RequestParam String code, @RequestParam(required = false) LocalDate on, Locale locale,
			RedirectAttributes redirect) {
		Region region = regions.get(code);
		try {
			regions.abolish(code, on == null ? LocalDate.now(clock) : on);
			redirect.addFlashAttribute("regionMessage",
					messages.getMessage("region.abolished", new Object[] { region.name() }, locale));
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("regionError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		if (region.parentCode() != null) {
			redirect.addAttribute("code", region.parentCode());
		}
		return "redirect:/admin/regions";
	}

	/** Counts a township-level unit in the township-chamber coverage, or leaves it out (one button). */
	@PostMapping("/admin/regions/coverage")
	String coverage(@RequestParam String code, @RequestParam boolean counts, Locale locale, RedirectAttributes redirect) {
		Region region = regions.countForCoverage(code, counts);
		redirect.addFlashAttribute("regionMessage", messages.getMessage(counts ? "region.counted" : "region.uncounted",
				new Object[] { region.name() }, locale));
		redirect.addAttribute("code", region.parentCode());
		return "redirect:/admin/regions";
	}

}
