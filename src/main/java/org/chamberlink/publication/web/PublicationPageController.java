package org.chamberlink.publication.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.publication.IssueView;
import org.chamberlink.publication.PublicationView;
import org.chamberlink.publication.Publications;
import org.chamberlink.shared.ChinaTime;
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
 * Staff's publications (会刊 / 通讯): the list with a new one, a publication's figures and issues
 * (a new issue with its PDF), an issue's distribution list, and the PDF itself.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class PublicationPageController {

	private final Publications publications;

	private final Organizations organizations;

	private final MessageSource messages;

	private final Clock clock;

	PublicationPageController(Publications publications, Organizations organizations, MessageSource messages, Clock clock) {
		this.publications = publications;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/publications")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("publications", publications.list());
		model.addAttribute("organizers", organisers(me));
		return "publication/publications";
	}

	@PostMapping("/publications")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long id = publications.create(orgId, title);
			redirect.addFlashAttribute("success", "publication.created");
			return "redirect:/publications/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("publication", null, e, messages, locale, "title", title));
			return list(me, model);
		}
	}

	@GetMapping("/publications/{id}")
	String detail(@PathVariable Long id, Model model) {
		model.addAttribute("publication", publications.get(id));
		model.addAttribute("issues", publications.issues(id));
		model.addAttribute("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		return "publication/publication";
	}

	@PostMapping("/publications/{id}/issues")
	@PreAuthorize(RoleGroups.WORKERS)
	String addIssue(@PathVariable Long id, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) Integer printRun, @RequestParam(name = "file", required = false) MultipartFile pdf, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			publications.addIssue(id, number, issuedOn, printRun, pdf == null ? null : UploadNames.clean(pdf.getOriginalFilename()),
					pdf == null ? null : pdf.getBytes());
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("issue", id, e, messages, locale, "number", number, "issuedOn",
					issuedOn == null ? "" : issuedOn.toString(), "printRun", printRun == null ? "" : printRun.toString()));
			return detail(id, model);
		}
		redirect.addFlashAttribute("success", "publication.issueAdded");
		return "redirect:/publications/" + id;
	}

	@GetMapping("/publications/issues/{issueId}")
	String issue(@PathVariable Long issueId, Model model) {
		IssueView issue = publications.issue(issueId);
		PublicationView publication = publications.get(issue.publicationId());
		model.addAttribute("issue", issue);
		model.addAttribute("publication", publication);
		model.addAttribute("distribution", publications.distribution(issueId));
		List<OrganizationSummary> recipients = new ArrayList<>();
		recipients.add(organizations.get(publication.orgId()));
		recipients.addAll(organizations.children(publication.orgId()));
		model.addAttribute("recipients", recipients);
		return "publication/issue";
	}

	@PostMapping("/publications/issues/{issueId}/distribution")
	@PreAuthorize(RoleGroups.WORKERS)
	String distribute(@PathVariable Long issueId, HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		Map<Long, Integer> copies = new LinkedHashMap<>();
		Map<String, String> typed = new LinkedHashMap<>();
		try {
			request.getParameterMap().forEach((name, values) -> {
				if (name.matches("copies\\d+") && values.length > 0 && !values[0].isBlank()) {
					typed.put(name, values[0]);
					try {
						copies.put(Long.valueOf(name.substring(6)), Integer.valueOf(values[0].strip()));
					}
					catch (NumberFormatException e) {
						throw new RuleViolationException("copies", "publication.copiesInvalid");
					}
				}
			});
			publications.distribute(issueId, copies);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("distribution", issueId, e, messages, locale,
					typed.entrySet().stream().flatMap(t -> java.util.stream.Stream.of(t.getKey(), t.getValue())).toArray(String[]::new)));
			return issue(issueId, model);
		}
		redirect.addFlashAttribute("success", "publication.distributed");
		return "redirect:/publications/issues/" + issueId;
	}

	@GetMapping("/publications/issues/{issueId}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable Long issueId) {
		return send(publications.pdf(issueId));
	}

	static ResponseEntity<byte[]> send(Publications.Pdf pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.name(), StandardCharsets.UTF_8).build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf.content());
	}

	private List<OrganizationSummary> organisers(AccountPrincipal me) {
		if (me.orgId() == null) {
			return organizations.roots();
		}
		List<OrganizationSummary> choices = new ArrayList<>();
		choices.add(organizations.get(me.orgId()));
		choices.addAll(organizations.children(me.orgId()));
		return choices;
	}

}
