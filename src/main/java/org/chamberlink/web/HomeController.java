package org.chamberlink.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a dashboard frame whose panels come from the modules (see {@link DashboardPanel}). */
@Controller
class HomeController {

	private final List<DashboardPanel> panels;

	HomeController(List<DashboardPanel> panels) {
		this.panels = panels.stream().sorted(Comparator.comparingInt(DashboardPanel::order)).toList();
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		// A member (an entrepreneur, not staff) has the member portal for a home page.
		if (authentication != null && authentication.getAuthorities().stream()
			.allMatch(authority -> authority.getAuthority().equals("ROLE_MEMBER"))) {
			return "redirect:/portal";
		}
		model.addAttribute("panels", panels.stream().filter(panel -> panel.visibleTo(authentication)).toList());
		return "web/home";
	}

}
