package org.chamberlink.organization.web;

import org.chamberlink.web.DetailPanel;
import org.chamberlink.web.DetailPanels;
import org.chamberlink.shared.PageSizes;
import org.chamberlink.identity.RoleGroups;
import java.time.Clock;
import java.time.LocalDate;

import org.chamberlink.audit.AuditFilter;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.organization.Leadership;
import org.chamberlink.organization.LeadershipRole;
import org.chamberlink.organization.NewLeadershipTerm;
import org.chamberlink.organization.OrganizationAccounts;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.OrganizationDetails;
import org.chamberlink.organization.Organizations;
import org.chamberlink.region.Regions;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One organisation's page: drawn by its GET and again by a refused leadership or account form,
 * which stays in the model with what was typed (decision 25).
 */
@Component
class OrganizationDetailPage {

	private final Organizations organizations;

	private final Leadership leadership;

	private final AuditTrail audit;

	private final OrganizationAccounts accounts;

	private final Clock clock;

	private final Regions regions;

	private final DetailPanels panels;

	OrganizationDetailPage(Organizations organizations, Leadership leadership, AuditTrail audit,
			OrganizationAccounts accounts, Clock clock, Regions regions, DetailPanels panels) {
		this.panels = panels;
		this.regions = regions;
		this.organizations = organizations;
		this.leadership = leadership;
		this.audit = audit;
		this.accounts = accounts;
		this.clock = clock;
	}

	String render(Long id, AccountPrincipal me, Model model) {
		OrganizationDetails org = organizations.details(id);
		model.addAttribute("org", org);
		if (org.chamberKind() == ChamberKind.OUT_OF_TOWN) {
			// it may sit in another province: both places by their whole names (广东省深圳市福田区)
			model.addAttribute("regionFullName", fullName(org.regionCode()));
			model.addAttribute("originName", org.originRegionCode() == null ? null : fullName(org.originRegionCode()));
		}
		model.addAttribute("summary", organizations.get(id));
		model.addAttribute("leadership", leadership.of(id));
		model.addAttribute("children", organizations.children(id));
		model.addAttribute("ancestors", organizations.ancestors(id));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("leadershipRoles", LeadershipRole.values());
		if (me.hasAnyRole(RoleGroups.ADMIN_ROLES)) {
			model.addAttribute("accounts", accounts.of(id));
			model.addAttribute("assignableRoles", accounts.assignableRoles(id));
		}
		model.addAttribute("history", audit.search(new AuditFilter(null, null, "Organization", id.toString(), null,
				null), PageRequest.of(0, PageSizes.LIST)));
		if (!model.containsAttribute("newLeadershipTerm")) {
			model.addAttribute("newLeadershipTerm", new NewLeadershipTerm(LeadershipRole.values()[0], null, true, null, null));
		}
		if (!model.containsAttribute("account")) {
			model.addAttribute("account", new OrganizationAccountsController.NewAccountRequest(null, null, null));
		}
		// panels of other modules (the honour roll …), which this module does not know (decision 0046)
		model.addAttribute("detailPanels", panels.of(DetailPanel.ORGANIZATION, id));
		return "organization/detail";
	}

	/** A region's name with those of the province, city and county it lies in. */
	private String fullName(String code) {
		java.util.List<String> levels = java.util.stream.Stream.of(2, 4, 6, 9, 12)
			.filter(length -> length <= code.length())
			.map(length -> code.substring(0, length))
			.distinct()
			.toList();
		java.util.Map<String, String> names = regions.names(levels);
		return String.join("", levels.stream().map(names::get).filter(name -> name != null && !name.equals("市辖区")).toList());
	}

}
