package org.chamberlink.disclosure.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chamberlink.disclosure.DisclosureDrafts;
import org.chamberlink.disclosure.DisclosureDrafts.ExpenseForm;
import org.chamberlink.disclosure.DisclosureDrafts.ResolutionForm;
import org.chamberlink.disclosure.DisclosureFinances;
import org.chamberlink.disclosure.DisclosureParts;
import org.chamberlink.disclosure.DisclosureParts.FileContent;
import org.chamberlink.disclosure.Disclosures;
import org.chamberlink.disclosure.Disclosures.Disclosure;
import org.chamberlink.disclosure.ExpenseCategory;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;
import org.chamberlink.web.UploadNames;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's 三公开 pages: the disclosures with the form starting one for a year; a disclosure's
 * page with its parts, the forms filling a draft in, the finances computed from the ledgers and the
 * publish button; the board of the subtree's organisations that have not published for last year.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class DisclosurePageController {

	private final Disclosures disclosures;

	private final DisclosureDrafts disclosureDrafts;

	private final DisclosureParts disclosureParts;

	private final DisclosureFinances disclosureFinances;

	private final Organizations organizations;

	private final MessageSource messages;

	DisclosurePageController(Disclosures disclosures, DisclosureDrafts disclosureDrafts, DisclosureParts disclosureParts,
			DisclosureFinances disclosureFinances, Organizations organizations, MessageSource messages) {
		this.disclosures = disclosures;
		this.disclosureDrafts = disclosureDrafts;
		this.disclosureParts = disclosureParts;
		this.disclosureFinances = disclosureFinances;
		this.organizations = organizations;
		this.messages = messages;
	}

	@GetMapping("/disclosures")
	String list(@RequestParam(required = false) Integer year, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("disclosures", disclosures.list(year));
		model.addAttribute("year", year);
		model.addAttribute("lastYear", disclosures.lastYear());
		model.addAttribute("organizations", organisations(me));
		return "disclosure/list";
	}

	@PostMapping("/disclosures")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String year,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long id = disclosures.create(orgId, parseYear(year));
			return done("/disclosures/" + id, "disclosure.created", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "create", e, locale, "orgId", orgId == null ? "" : orgId.toString(), "year", year);
			return list(null, me, model);
		}
	}

	private static Integer parseYear(String year) {
		try {
			return year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	@GetMapping("/disclosures/board")
	String board(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		int shown = year != null ? year : disclosures.lastYear();
		model.addAttribute("year", shown);
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "disclosure/board";
		}
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("rows", disclosures.board(node, shown));
		return "disclosure/board";
	}

	@GetMapping("/disclosures/{id}")
	String detail(@PathVariable Long id, Model model) {
		Disclosure d = disclosures.get(id);
		model.addAttribute("disclosure", d);
		model.addAttribute("documents", disclosureParts.documents(id));
		model.addAttribute("resolutions", disclosureParts.resolutions(id));
		model.addAttribute("choices", d.published() ? List.of() : disclosureDrafts.resolutionChoices(id));
		model.addAttribute("finances", disclosureFinances.finances(id));
		model.addAttribute("categories", ExpenseCategory.values());
		return "disclosure/detail";
	}

	@PostMapping("/disclosures/{id}/texts")
	@PreAuthorize(RoleGroups.WORKERS)
	String texts(@PathVariable Long id, @RequestParam(required = false) String partyText,
			@RequestParam(required = false) String leadershipText, Locale locale, Model model, RedirectAttributes redirect) {
		disclosures.get(id);
		try {
			disclosureDrafts.writeTexts(id, partyText, leadershipText);
			return done("/disclosures/" + id, "disclosure.saved", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "texts", e, locale, "partyText", partyText, "leadershipText", leadershipText);
			return detail(id, model);
		}
	}

	@PostMapping("/disclosures/{id}/documents")
	@PreAuthorize(RoleGroups.WORKERS)
	String document(@PathVariable Long id, @RequestParam(name = "file", required = false) MultipartFile document, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		disclosures.get(id);
		try {
			disclosureDrafts.addDocument(id, file(document));
			return done("/disclosures/" + id, "disclosure.saved", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "document", e, locale);
			return detail(id, model);
		}
	}

	@PostMapping("/disclosures/{id}/resolutions")
	@PreAuthorize(RoleGroups.WORKERS)
	String resolution(@PathVariable Long id, @RequestParam(required = false) String pick,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String meeting, @RequestParam(required = false) String text, Locale locale, Model model,
			RedirectAttributes redirect) {
		disclosures.get(id);
		try {
			ResolutionForm form;
			if (pick != null && !pick.isBlank()) {
				// a resolution of the minutes: "activityId:position in the choices"
				int at = Integer.parseInt(pick.strip());
				var choices = disclosureDrafts.resolutionChoices(id);
				if (at < 0 || at >= choices.size()) {
					throw new RuleViolationException("pick", "disclosure.resolution.notInMinutes");
				}
				var chosen = choices.get(at);
				form = new ResolutionForm(chosen.activityId(), null, null, chosen.text());
			}
			else {
				form = new ResolutionForm(null, heldOn, meeting, text);
			}
			disclosureDrafts.addResolution(id, form);
			return done("/disclosures/" + id, "disclosure.saved", redirect);
		}
		catch (NumberFormatException e) {
			refused(model, "resolution", new RuleViolationException("pick", "disclosure.resolution.notInMinutes"), locale);
			return detail(id, model);
		}
		catch (RuleViolationException e) {
			refused(model, "resolution", e, locale, "heldOn", heldOn == null ? "" : heldOn.toString(), "meeting", meeting, "text", text);
			return detail(id, model);
		}
	}

	@PostMapping("/disclosures/{id}/expenses")
	@PreAuthorize(RoleGroups.WORKERS)
	String expense(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate spentOn,
			@RequestParam(required = false) ExpenseCategory category, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String amount, @RequestParam(name = "file", required = false) MultipartFile voucher, Locale locale,
			Model model, RedirectAttributes redirect) throws IOException {
		disclosures.get(id);
		try {
			disclosureDrafts.addExpense(id, new ExpenseForm(spentOn, category, purpose, amount), file(voucher));
			return done("/disclosures/" + id, "disclosure.expense.added", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "expense", e, locale, "spentOn", spentOn == null ? "" : spentOn.toString(), "category",
					category == null ? "" : category.name(), "purpose", purpose, "amount", amount);
			return detail(id, model);
		}
	}

	@PostMapping("/disclosures/{id}/publish")
	@PreAuthorize(RoleGroups.ADMINS)
	String publish(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		disclosures.get(id);
		try {
			disclosureDrafts.publish(id, me);
			return done("/disclosures/" + id, "disclosure.published", redirect);
		}
		catch (RuleViolationException e) {
			refused(model, "publish", e, locale);
			return detail(id, model);
		}
	}

	@GetMapping("/disclosures/documents/{documentId}")
	ResponseEntity<byte[]> documentFile(@PathVariable Long documentId) {
		return download(disclosureParts.document(documentId));
	}

	@GetMapping("/disclosures/expenses/{expenseId}/voucher")
	ResponseEntity<byte[]> voucher(@PathVariable Long expenseId) {
		return download(disclosureParts.voucher(expenseId));
	}

	static FileContent file(MultipartFile file) throws IOException {
		return file == null || file.isEmpty() ? null : new FileContent(file.getOriginalFilename(), file.getContentType(), file.getBytes());
	}

	static ResponseEntity<byte[]> download(FileContent file) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(UploadNames.clean(file.name()), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(file.bytes());
	}

	private List<OrganizationSummary> organisations(AccountPrincipal me) {
		if (me.orgId() == null) {
			return organizations.roots();
		}
		List<OrganizationSummary> choices = new ArrayList<>();
		choices.add(organizations.get(me.orgId()));
		choices.addAll(organizations.children(me.orgId()));
		return choices;
	}

	private void refused(Model model, String form, RuleViolationException e, Locale locale, String... typed) {
		model.addAttribute("refusal", RowRefusal.of(form, null, e, messages, locale, typed));
	}

	private static String done(String to, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", notice);
		return "redirect:" + to;
	}

}
