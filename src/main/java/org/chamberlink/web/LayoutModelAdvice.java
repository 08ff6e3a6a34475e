package org.chamberlink.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs (sidebar, current path) into every page's model. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModelAdvice {

	private final List<NavigationItem> items;

	LayoutModelAdvice(List<NavigationItem> items) {
		this.items = items.stream()
			.sorted(Comparator.comparing(NavigationItem::section).thenComparingInt(NavigationItem::order))
			.toList();
	}

	/** The sidebar: the sections holding an entry the user's roles allow, the current page's open. */
	@ModelAttribute("navigation")
	List<NavigationGroup> navigation(Authentication authentication, HttpServletRequest request) {
		// JSON answers (@RestController is a @Controller too) have no sidebar: spare the API the walk
		if (authentication == null || request.getRequestURI().startsWith("/api/")) {
			return List.of();
		}
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
			.toList();
		Map<NavigationSection, List<NavigationItem>> sections = items.stream()
			.filter(item -> item.visibleTo(roles))
			.collect(Collectors.groupingBy(NavigationItem::section, () -> new EnumMap<>(NavigationSection.class),
					Collectors.toList()));
		String path = request.getRequestURI();
		return sections.entrySet()
			.stream()
			.map(section -> new NavigationGroup(section.getKey(), section.getValue(),
					section.getValue().stream().anyMatch(item -> item.leadsTo(path))))
			.toList();
	}

	@ModelAttribute("pageLinks")
	PageLinks pageLinks(HttpServletRequest request) {
		return PageLinks.of(request);
	}

	@ModelAttribute("back")
	BackLink back(HttpServletRequest request) {
		return BackLink.of(request);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
