package org.chamberlink.region.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.region.NewRegion;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.web.NavigationItem;
import org.chamberlink.web.NavigationSection;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
		return "region/admin";
	}

	@PostMapping("/admin/regions")
	String add(@RequestParam String parentCode, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String name, Locale locale, RedirectAttributes redirect) {
		try {
			if (!code.matches("\\d{4}|\\d{6}|\\d{9}") || name.isBlank()) {
				throw new RuleViolationException("code", name.isBlank() ? "region.nameRequired" : "region.codeFormat");
			}
			Region added = regions.add(new NewRegion(code.trim(), name.trim(), parentCode));
			redirect.addFlashAttribute("regionMessage", messages.getMessage("region.added", new Object[] { added.name() },
					locale));
		}
		catch (RuleViolationException e) {
			redirect.addFlashAttribute("regionError", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		redirect.addAttribute("code", parentCode);
		return "redirect:/admin/regions";
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

}
