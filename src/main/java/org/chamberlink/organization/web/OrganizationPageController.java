package org.chamberlink.organization.web;

import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.chamberlink.audit.AuditFilter;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.OrganizationAccounts;
import org.chamberlink.organization.Leadership;
import org.chamberlink.organization.OrganizationFilter;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.web.Fragments;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation list with its filters, and one organisation's page with leadership and history. */
@Controller
class OrganizationPageController {

	static final int PAGE_SIZE = PageSizes.LIST;

	private final Organizations organizations;

	private final Leadership leadership;

	private final AuditTrail audit;

	private final OrganizationAccounts accounts;

	private final Clock clock;

	OrganizationPageController(Organizations organizations, Leadership leadership, AuditTrail audit,
			OrganizationAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.leadership = leadership;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/organizations")
	String list(OrganizationFilter filter, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
			Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", ChamberKind.values());
		model.addAttribute("types", OrganizationType.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("organizations", organizations.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return Fragments.pageOr(request, "organization/list", "results");
	}

	@GetMapping("/organizations/{id}")
	String detail(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("org", organizations.details(id));
		model.addAttribute("summary", organizations.get(id));
		model.addAttribute("leadership", leadership.of(id));
		model.addAttribute("children", organizations.children(id));
		model.addAttribute("ancestors", organizations.ancestors(id));
		model.addAttribute("today", LocalDate.now(clock));
		if (me.hasAnyRole(RoleGroups.ADMIN_ROLES)) {
			model.addAttribute("accounts", accounts.of(id));
			model.addAttribute("assignableRoles", List.of(Role.values()));
		}
		model.addAttribute("history", audit.search(new AuditFilter(null, null, "Organization", id.toString(), null,
				null), PageRequest.of(0, PageSizes.LIST)));
		return "organization/detail";
	}

}
