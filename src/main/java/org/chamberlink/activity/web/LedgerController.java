package org.chamberlink.activity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.activity.Activities;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The activity ledger (活动台帐) of an organisation for a year — what inspectors check: every
 * activity with its kind, date, place, registrations, person-times, minutes present or missing and
 * a governance meeting's quorum, the totals by kind above. On a page, on paper and as Excel. The
 * organisation is the caller's own unless chosen from its subtree; one outside it is not found,
 * like one that does not exist.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class LedgerController {

	/** Years the picker offers back from the current one. */
	private static final int YEARS_BACK = 9;

	private final Activities activities;

	private final Organizations organizations;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	LedgerController(Activities activities, Organizations organizations, MessageSource messages, AuditTrail audit, Clock clock) {
		this.activities = activities;
		this.organizations = organizations;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/activities/ledger")
	ModelAndView ledger(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		return page("activity/ledger", orgId, year, me, locale, model);
	}

	@GetMapping("/activities/ledger/print")
	ModelAndView print(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model) {
		return page("activity/ledger-print", orgId, year, me, locale, model);
	}

	@GetMapping("/activities/ledger/export")
	ModelAndView export(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, HttpServletResponse response) throws IOException {
		int y = year == null ? today().getYear() : year;
		if (!ChinaTime.isPlannableYear(y)) {
			return badYear(locale);
		}
		Long node = orgId != null ? orgId : me.orgId();
		if (node == null) {
			return new ModelAndView("redirect:/activities/ledger");
		}
		// out of scope is a clean 404, before the file's headers are written
		OrganizationSummary org = organizations.get(node);
		LedgerRows ledger = LedgerRows.of(activities.ledger(node, y));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(messages.getMessage("activity.ledger.fileName", new Object[] { org.name(), Integer.toString(y) }, locale),
					StandardCharsets.UTF_8)
			.build()
			.toString());
		List<String> headers = List.of("activity.ledger.number", "activity.ledger.date", "activity.ledger.time",
				"activity.ledger.kind", "activity.ledger.activityTitle", "activity.ledger.place", "activity.ledger.status",
				"activity.ledger.registered", "activity.ledger.personTimes", "activity.ledger.membersAttended",
				"activity.ledger.minutes", "activity.ledger.quorum").stream().map(key -> text(key, locale)).toList();
		try (XlsxWriter writer = XlsxWriter.open(response.getOutputStream(), text("activity.ledger.sheet", locale), headers)) {
			for (LedgerRows.Row row : ledger.rows()) {
				var activity = row.activity();
				writer.row(java.util.Arrays.asList(row.number(), row.starts().toLocalDate().toString(),
						row.starts().toLocalTime().toString(), text("activityKind." + activity.kind(), locale), activity.title(),
						activity.place() != null ? activity.place() : text("activity.ledger.online", locale),
						text("activityStatus." + activity.status(), locale), row.registered(), activity.attended(),
						activity.membersAttended(), text(row.minutesKey(), locale),
						row.quorumKey() == null ? null : text(row.quorumKey(), locale)));
			}
		}
		audit.record(AuditEntry.of("EXPORT").entity("Activity", "ledger").org(org.id())
			.summary("audit.summary.rowsExported", ledger.rows().size()));
		return null;
	}

	private ModelAndView page(String view, Long orgId, Integer year, AccountPrincipal me, Locale locale, Model model) {
		LocalDate today = today();
		int y = year == null ? today.getYear() : year;
		if (!ChinaTime.isPlannableYear(y)) {
			return badYear(locale);
		}
		Long node = orgId != null ? orgId : me.orgId();
		model.addAttribute("year", y);
		model.addAttribute("today", today);
		model.addAttribute("years", years(today.getYear(), y));
		if (node == null) {
			// an installation-wide account picks an organisation first
			model.addAttribute("choices", organizations.roots());
			return new ModelAndView(view, model.asMap());
		}
		OrganizationSummary org = organizations.get(node);
		model.addAttribute("org", org);
		model.addAttribute("choices", choices(me, org));
		model.addAttribute("ledger", LedgerRows.of(activities.ledger(node, y)));
		return new ModelAndView(view, model.asMap());
	}

	/** The caller's own organisation and those directly below it, and the one chosen with those below it. */
	private List<OrganizationSummary> choices(AccountPrincipal me, OrganizationSummary chosen) {
		Map<Long, OrganizationSummary> choices = new LinkedHashMap<>();
		if (me.orgId() != null) {
			OrganizationSummary own = me.orgId().equals(chosen.id()) ? chosen : organizations.get(me.orgId());
			choices.put(own.id(), own);
			organizations.children(own.id()).forEach(child -> choices.putIfAbsent(child.id(), child));
		}
		choices.putIfAbsent(chosen.id(), chosen);
		organizations.children(chosen.id()).forEach(child -> choices.putIfAbsent(child.id(), child));
		return new ArrayList<>(choices.values());
	}

	private static List<Integer> years(int current, int chosen) {
		List<Integer> years = new ArrayList<>();
		for (int y = current + 1; y >= current - YEARS_BACK; y--) {
			years.add(y);
		}
		if (!years.contains(chosen)) {
			years.add(chosen);
			years.sort(java.util.Comparator.reverseOrder());
		}
		return years;
	}

	/** A year no ledger can have: the 400 page naming the field (decision 30). */
	private ModelAndView badYear(Locale locale) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("fieldMessage", messages.getMessage("input.outOfRange",
				new Object[] { text("activity.ledger.year", locale), Integer.toString(ChinaTime.FIRST_YEAR),
						Integer.toString(ChinaTime.LAST_YEAR) }, locale));
		return page;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
