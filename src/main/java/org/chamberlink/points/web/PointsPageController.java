package org.chamberlink.points.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.points.PointLedger;
import org.chamberlink.points.PointLevel;
import org.chamberlink.points.PointRanking;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.XlsxWriter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The yearly points ranking of a county, city or province (the caller's own federation unless one
 * of its subtree is chosen), each organisation's entries one click away, and its Excel export; an
 * organisation's page shows its points, its rank within each federation above it and why.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class PointsPageController {

	private static final int YEARS_BACK = 9;

	private final PointLedger ledger;

	private final Organizations organizations;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	PointsPageController(PointLedger ledger, Organizations organizations, MessageSource messages, AuditTrail audit, Clock clock) {
		this.ledger = ledger;
		this.organizations = organizations;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/points")
	ModelAndView ranking(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) PointLevel level, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		int y = year == null ? today().getYear() : year;
		if (!ChinaTime.isPlannableYear(y)) {
			return badYear(locale);
		}
		Long node = orgId != null ? orgId : me.orgId();
		model.addAttribute("year", y);
		model.addAttribute("years", years(today().getYear(), y));
		model.addAttribute("levels", PointLevel.values());
		if (node == null) {
			model.addAttribute("choices", organizations.roots());
			return new ModelAndView("points/ranking", model.asMap());
		}
		OrganizationSummary org = organizations.get(node);
		if (level == null && PointLevel.of(org) == PointLevel.CHAMBER && orgId == null) {
			// a chamber's own page is its standing: its points, ranks and why
			return new ModelAndView("redirect:/points/orgs/" + org.id() + "?year=" + y);
		}
		PointLevel l = level == null ? PointLevel.CHAMBER : level;
		model.addAttribute("org", org);
		model.addAttribute("level", l);
		model.addAttribute("choices", choices(me, org));
		model.addAttribute("ranking", ledger.ranking(org.id(), y, l, page));
		return new ModelAndView("points/ranking", model.asMap());
	}

	@GetMapping("/points/orgs/{id}")
	ModelAndView standing(@PathVariable Long id, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		int y = year == null ? today().getYear() : year;
		if (!ChinaTime.isPlannableYear(y)) {
			return badYear(locale);
		}
		model.addAttribute("year", y);
		model.addAttribute("years", years(today().getYear(), y));
		model.addAttribute("standing", ledger.standing(id, y, page));
		return new ModelAndView("points/standing", model.asMap());
	}

	@GetMapping("/points/export")
	ModelAndView export(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) PointLevel level, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			HttpServletResponse response) throws IOException {
		int y = year == null ? today().getYear() : year;
		if (!ChinaTime.isPlannableYear(y)) {
			return badYear(locale);
		}
		Long node = orgId != null ? orgId : me.orgId();
		if (node == null) {
			return new ModelAndView("redirect:/points");
		}
		OrganizationSummary org = organizations.get(node);
		PointLevel l = level == null ? PointLevel.CHAMBER : level;
		List<PointRanking.Row> rows = new ArrayList<>();
		ledger.forEachRanked(org.id(), y, l, rows::add);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(messages.getMessage("points.export.fileName", new Object[] { org.name(), Integer.toString(y) }, locale),
					StandardCharsets.UTF_8)
			.build()
			.toString());
		List<String> headers = List.of("points.rank", "points.organization", "points.points", "points.entries").stream()
			.map(key -> messages.getMessage(key, null, locale))
			.toList();
		try (XlsxWriter writer = XlsxWriter.open(response.getOutputStream(), messages.getMessage("points.export.sheet", null, locale),
				headers)) {
			for (PointRanking.Row row : rows) {
				writer.row(Arrays.asList(row.rank(), row.orgName(), row.points(), row.entries()));
			}
		}
		audit.record(AuditEntry.of("EXPORT").entity("PointRanking", org.id()).org(org.id())
			.summary("audit.summary.rowsExported", rows.size()));
		return null;
	}

	private List<OrganizationSummary> choices(AccountPrincipal me, OrganizationSummary chosen) {
		Map<Long, OrganizationSummary> choices = new LinkedHashMap<>();
		if (me.orgId() != null) {
			OrganizationSummary own = me.orgId().equals(chosen.id()) ? chosen : organizations.get(me.orgId());
			choices.put(own.id(), own);
			organizations.children(own.id()).stream().filter(c -> PointLevel.of(c) != PointLevel.CHAMBER)
				.forEach(child -> choices.putIfAbsent(child.id(), child));
		}
		choices.putIfAbsent(chosen.id(), chosen);
		organizations.children(chosen.id()).stream().filter(c -> PointLevel.of(c) != PointLevel.CHAMBER)
			.forEach(child -> choices.putIfAbsent(child.id(), child));
		return new ArrayList<>(choices.values());
	}

	private static List<Integer> years(int current, int chosen) {
		List<Integer> years = new ArrayList<>();
		for (int y = current; y >= current - YEARS_BACK; y--) {
			years.add(y);
		}
		if (!years.contains(chosen)) {
			years.add(chosen);
			years.sort(java.util.Comparator.reverseOrder());
		}
		return years;
	}

	private ModelAndView badYear(Locale locale) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("fieldMessage", messages.getMessage("input.outOfRange",
				new Object[] { messages.getMessage("points.year", null, locale), Integer.toString(ChinaTime.FIRST_YEAR),
						Integer.toString(ChinaTime.LAST_YEAR) }, locale));
		return page;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
