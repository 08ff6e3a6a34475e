package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberFigures;
import org.chamberlink.member.MemberGrowth;
import org.chamberlink.member.MemberStructure;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Member-structure figures for any node of the caller's subtree, with drill-down; same from the API. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class MemberFiguresController {

	private final MemberFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final java.time.Clock clock;

	MemberFiguresController(MemberFigures figures, Figures drillDown, Organizations organizations,
			MessageSource messages, JsonMapper json, java.time.Clock clock) {
		this.clock = clock;
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/figures/members")
	String page(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "member/figures";
		}
		LocalDate end = to != null ? to : LocalDate.now(clock);
		LocalDate start = from != null ? from : end.withDayOfYear(1).minusDays(1);
		// the structure as of the period's last day (decision 57), its drill-down too
		MemberStructure structure = figures.structure(node, end);
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("structure", structure);
		model.addAttribute("below", drillDown.table(node, FigurePeriod.of(start, end, LocalDate.now(clock)),
				id -> "/figures/members?org=" + id + (to == null ? "" : "&from=" + start + "&to=" + end),
				"member.total", "member.privateEnterprises", "member.individualBusinesses", "member.persons",
				"member.groups", "member.outOfTown", "member.highTech"));
		model.addAttribute("growth", figures.growth(node, start, end));
		model.addAttribute("roleLabels", json.writeValueAsString(structure.byRole().keySet().stream()
			.map(role -> messages.getMessage("memberRole." + role, null, locale)).toList()));
		model.addAttribute("roleValues", json.writeValueAsString(structure.byRole().values()));
		model.addAttribute("tierLabels", json.writeValueAsString(structure.byTier().keySet().stream()
			.map(tier -> messages.getMessage("tier." + tier, null, locale)).toList()));
		model.addAttribute("tierValues", json.writeValueAsString(structure.byTier().values()));
		return "member/figures";
	}

	@GetMapping("/members/panels/structure")
	String panel(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("structure", me.orgId() == null ? null : figures.structure(me.orgId()));
		return "member/figures :: panel";
	}

	@GetMapping("/api/v1/organizations/{id}/member-figures")
	@ResponseBody
	@Operation(summary = "Member structure (三多三少, roles, tiers) of the organisation and everything below it",
			tags = "members")
	MemberStructure structure(@PathVariable Long id) {
		return figures.structure(id);
	}

	@GetMapping("/api/v1/organizations/{id}/member-figures/below")
	@ResponseBody
	@Operation(summary = "The same for each organisation directly below (drill-down); a row without id is the node's own members",
			tags = "members")
	List<MemberStructure> below(@PathVariable Long id) {
		return figures.below(id);
	}

	@GetMapping("/api/v1/organizations/{id}/member-growth")
	@ResponseBody
	@Operation(summary = "Memberships at the start and end of a period, joined and left in it, and the growth rate",
			tags = "members")
	MemberGrowth growth(@PathVariable Long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return figures.growth(id, from, to);
	}

}
