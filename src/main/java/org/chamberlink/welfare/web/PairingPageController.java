package org.chamberlink.welfare.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyKind;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.welfare.HelpKind;
import org.chamberlink.welfare.Pairings;
import org.chamberlink.welfare.Pairings.Pairing;
import org.chamberlink.welfare.Pairings.PairingForm;
import org.chamberlink.welfare.Projects;
import org.chamberlink.welfare.Projects.PaymentForm;
import org.chamberlink.welfare.Projects.Project;
import org.chamberlink.welfare.Projects.ProjectForm;
import org.chamberlink.welfare.Villages;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Pairings: the list, the form for a new one, a pairing's page with its projects; a project's page with payments and progress. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class PairingPageController {

	private final Pairings pairings;

	private final Projects projects;

	private final Villages villages;

	private final WelfarePages pages;

	PairingPageController(Pairings pairings, Projects projects, Villages villages, WelfarePages pages) {
		this.pairings = pairings;
		this.projects = projects;
		this.villages = villages;
		this.pages = pages;
	}

	@GetMapping("/welfare/pairings")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("pairings", pairings.search(orgId, null, PageRequest.of(Math.max(page, 0), 20)));
		model.addAttribute("orgId", orgId);
		return "welfare/pairings";
	}

	@GetMapping("/welfare/pairings/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@RequestParam(required = false) Long villageId, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("villageId", villageId);
		return form(me, model);
	}

	@PostMapping("/welfare/pairings/new")
	@PreAuthorize(RoleGroups.WORKERS)
	String save(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long villageId,
			@RequestParam(required = false) List<Long> partyIds, @RequestParam(required = false) List<Long> chamberIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@RequestParam(required = false) List<HelpKind> kinds, @RequestParam(required = false) String note,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long id = pairings.create(new PairingForm(orgId, villageId, partyIds, chamberIds, startsOn, endsOn, kinds, note));
			return pages.done("/welfare/pairings/" + id, "welfare.pairing.created", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "pairing", e, locale, "orgId", text(orgId), "startsOn", text(startsOn), "endsOn", text(endsOn), "note", note);
			model.addAttribute("villageId", villageId);
			model.addAttribute("chosenParties", partyIds == null ? List.of() : partyIds);
			model.addAttribute("chosenChambers", chamberIds == null ? List.of() : chamberIds);
			model.addAttribute("chosenKinds", kinds == null ? List.of() : kinds);
			return form(me, model);
		}
	}

	private String form(AccountPrincipal me, Model model) {
		model.addAttribute("organizations", pages.organisations(me));
		model.addAttribute("villages", villages.choices());
		model.addAttribute("enterprises", pages.members(PartyKind.ENTERPRISE));
		model.addAttribute("kinds", HelpKind.values());
		if (!model.containsAttribute("chosenParties")) {
			model.addAttribute("chosenParties", List.of());
			model.addAttribute("chosenChambers", List.of());
			model.addAttribute("chosenKinds", List.of());
		}
		return "welfare/pairing-form";
	}

	@GetMapping("/welfare/pairings/{id}")
	String detail(@PathVariable Long id, Model model) {
		Pairing pairing = pairings.get(id);
		model.addAttribute("pairing", pairing);
		model.addAttribute("projects", projects.ofPairing(pairing.id()));
		model.addAttribute("kinds", HelpKind.values());
		return "welfare/pairing";
	}

	@PostMapping("/welfare/pairings/{id}/end")
	@PreAuthorize(RoleGroups.WORKERS)
	String end(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			Locale locale, Model model, RedirectAttributes redirect) {
		pairings.get(id);
		try {
			pairings.end(id, endsOn);
			return pages.done("/welfare/pairings/" + id, "welfare.pairing.ended", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "end", e, locale, "endsOn", text(endsOn));
			return detail(id, model);
		}
	}

	@PostMapping("/welfare/pairings/{id}/projects")
	@PreAuthorize(RoleGroups.WORKERS)
	String addProject(@PathVariable Long id, @RequestParam(required = false) String name, @RequestParam(required = false) HelpKind kind,
			@RequestParam(required = false) String committed, @RequestParam(required = false) String goods,
			@RequestParam(required = false) Integer peopleEmployed, @RequestParam(required = false) Integer beneficiaries,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn, Locale locale,
			Model model, RedirectAttributes redirect) {
		pairings.get(id);
		try {
			Long project = projects.create(id, new ProjectForm(name, kind, committed, goods, peopleEmployed, beneficiaries, startedOn));
			return pages.done("/welfare/projects/" + project, "welfare.project.created", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "project", e, locale, "name", name, "kind", kind == null ? "" : kind.name(), "committed", committed,
					"goods", goods, "peopleEmployed", text(peopleEmployed), "beneficiaries", text(beneficiaries), "startedOn", text(startedOn));
			return detail(id, model);
		}
	}

	@GetMapping("/welfare/projects/{id}")
	String project(@PathVariable Long id, Model model) {
		Project project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("pairing", pairings.get(project.pairingId()));
		model.addAttribute("payments", projects.payments(project.id()));
		model.addAttribute("progress", projects.progress(project.id()));
		return "welfare/project";
	}

	@PostMapping("/welfare/projects/{id}/payments")
	@PreAuthorize(RoleGroups.WORKERS)
	String pay(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String note, Locale locale, Model model,
			RedirectAttributes redirect) {
		projects.get(id);
		try {
			projects.pay(id, new PaymentForm(paidOn, amount, note));
			return pages.done("/welfare/projects/" + id, "welfare.payment.recorded", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "payment", e, locale, "paidOn", text(paidOn), "amount", amount, "note", note);
			return project(id, model);
		}
	}

	@PostMapping("/welfare/projects/{projectId}/payments/{id}/correct")
	@PreAuthorize(RoleGroups.WORKERS)
	String correct(@PathVariable Long projectId, @PathVariable Long id, @RequestParam(required = false) String reason, Locale locale,
			Model model, RedirectAttributes redirect) {
		Project project = projects.get(projectId);
		if (projects.payments(project.id()).stream().noneMatch(p -> p.id().equals(id))) {
			throw new org.chamberlink.shared.RecordNotFoundException("Payment", id);
		}
		try {
			projects.correct(id, reason);
			return pages.done("/welfare/projects/" + project.id(), "welfare.payment.corrected", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "correct-" + id, e, locale, "reason", reason);
			return project(project.id(), model);
		}
	}

	@PostMapping("/welfare/projects/{id}/progress")
	@PreAuthorize(RoleGroups.WORKERS)
	String report(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile photo, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		projects.get(id);
		try {
			boolean has = photo != null && !photo.isEmpty();
			projects.report(id, reportedOn, text, has ? photo.getOriginalFilename() : null, has ? photo.getContentType() : null,
					has ? photo.getBytes() : null);
			return pages.done("/welfare/projects/" + id, "welfare.progress.recorded", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "progress", e, locale, "reportedOn", text(reportedOn), "text", text);
			return project(id, model);
		}
	}

	@GetMapping("/welfare/progress/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable Long id) {
		Projects.Photo photo = projects.photo(id).orElseThrow(() -> new org.chamberlink.shared.RecordNotFoundException("Photo", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.type()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes());
	}

	@PostMapping("/welfare/projects/{id}/complete")
	@PreAuthorize(RoleGroups.WORKERS)
	String complete(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
			Locale locale, Model model, RedirectAttributes redirect) {
		projects.get(id);
		try {
			projects.complete(id, completedOn);
			return pages.done("/welfare/projects/" + id, "welfare.project.completedNotice", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "complete", e, locale, "completedOn", text(completedOn));
			return project(id, model);
		}
	}

	static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
