package org.chamberlink.investment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.investment.InvestmentFigures;
import org.chamberlink.investment.InvestmentProjects;
import org.chamberlink.investment.InvestmentProjects.MoveForm;
import org.chamberlink.investment.InvestmentProjects.ProjectForm;
import org.chamberlink.investment.InvestmentStage;
import org.chamberlink.investment.InvestmentTotals;
import org.chamberlink.member.Industries;
import org.chamberlink.member.Members;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.Figures;
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

import static org.chamberlink.web.RowRefusal.asTyped;

/**
 * Staff's investment projects: the list (by stage) with a new project, one project with its stage
 * history, the next step, its amounts and documents, and the figures by stage, industry and origin.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class InvestmentPageController {

	private final InvestmentProjects projects;

	private final InvestmentFigures figures;

	private final Figures drillDown;

	private final Organizations organizations;

	private final Members members;

	private final Industries industries;

	private final MessageSource messages;

	private final Clock clock;

	InvestmentPageController(InvestmentProjects projects, InvestmentFigures figures, Figures drillDown, Organizations organizations,
			Members members, Industries industries, MessageSource messages, Clock clock) {
		this.projects = projects;
		this.figures = figures;
		this.drillDown = drillDown;
		this.organizations = organizations;
		this.members = members;
		this.industries = industries;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/investment/projects")
	String list(@RequestParam(required = false) InvestmentStage stage, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("projects", projects.list(stage));
		model.addAttribute("stage", stage);
		model.addAttribute("stages", InvestmentStage.values());
		model.addAttribute("organizations", organizations.ownAndChildren(me.orgId()));
		model.addAttribute("industries", industries.all());
		model.addAttribute("members", members.activeByName(300));
		return "investment/projects";
	}

	@PostMapping("/investment/projects")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String industryCode, @RequestParam(required = false) Long investorPartyId,
			@RequestParam(required = false) String investorName, @RequestParam(required = false) String originCode,
			@RequestParam(required = false) String planned,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leadOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long id = projects.create(new ProjectForm(orgId, name, industryCode, investorPartyId, investorName, originCode, planned, null, null,
					leadOn));
			redirect.addFlashAttribute("success", "investment.project.created");
			return "redirect:/investment/projects/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("project", null, e, messages, locale, "orgId", asTyped(orgId), "name", name,
					"industryCode", industryCode, "investorPartyId", asTyped(investorPartyId), "investorName", investorName, "originCode",
					originCode, "planned", planned, "leadOn", asTyped(leadOn)));
			return list(null, me, model);
		}
	}

	@GetMapping("/investment/projects/{id}")
	String detail(@PathVariable Long id, Model model) {
		model.addAttribute("project", projects.get(id));
		model.addAttribute("history", projects.history(id));
		model.addAttribute("documents", projects.documents(id));
		model.addAttribute("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		return "investment/project";
	}

	@PostMapping("/investment/projects/{id}/stage")
	@PreAuthorize(RoleGroups.WORKERS)
	String move(@PathVariable Long id, @RequestParam(required = false) InvestmentStage stage,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedOn,
			@RequestParam(required = false) String note, @RequestParam(required = false) String contracted,
			@RequestParam(required = false) String invested, Locale locale, Model model, RedirectAttributes redirect) {
		projects.get(id);
		try {
			projects.move(id, new MoveForm(stage, movedOn, note, contracted, invested));
			redirect.addFlashAttribute("success", "investment.stage.moved");
			return "redirect:/investment/projects/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("move", id, e, messages, locale, "movedOn", asTyped(movedOn), "note", note,
					"contracted", contracted, "invested", invested));
			return detail(id, model);
		}
	}

	@PostMapping("/investment/projects/{id}/amounts")
	@PreAuthorize(RoleGroups.WORKERS)
	String amounts(@PathVariable Long id, @RequestParam(required = false) String contracted, @RequestParam(required = false) String invested,
			Locale locale, Model model, RedirectAttributes redirect) {
		projects.get(id);
		try {
			projects.amounts(id, contracted, invested);
			redirect.addFlashAttribute("success", "investment.amounts.saved");
			return "redirect:/investment/projects/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("amounts", id, e, messages, locale, "contracted", contracted, "invested", invested));
			return detail(id, model);
		}
	}

	@PostMapping("/investment/projects/{id}/documents")
	@PreAuthorize(RoleGroups.WORKERS)
	String attach(@PathVariable Long id, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		projects.get(id);
		try {
			projects.attach(id, file == null ? null : UploadNames.clean(file.getOriginalFilename()), file == null ? null : file.getContentType(),
					file == null ? null : file.getBytes());
			redirect.addFlashAttribute("success", "investment.document.added");
			return "redirect:/investment/projects/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("document", id, e, messages, locale));
			return detail(id, model);
		}
	}

	@GetMapping("/investment/projects/{id}/documents/{documentId}")
	ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long documentId) {
		InvestmentProjects.Download file = projects.download(id, documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	@GetMapping("/figures/investment")
	String figures(@RequestParam(required = false) Long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long node = org != null ? org : me.orgId();
		if (node == null) {
			model.addAttribute("roots", organizations.roots());
			return "investment/figures";
		}
		FigurePeriod period = FigurePeriod.of(from, to, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		InvestmentTotals totals = figures.totals(node, period.from(), period.to());
		model.addAttribute("node", organizations.get(node));
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("totals", totals);
		model.addAttribute("byStage", figures.byStage(node, period.from(), period.to()));
		model.addAttribute("byIndustry", figures.byIndustry(node, period.from(), period.to()));
		model.addAttribute("byOrigin", figures.byOrigin(node, period.from(), period.to()));
		model.addAttribute("below", drillDown.table(node, period,
				id -> "/figures/investment?org=" + id + "&from=" + period.from() + "&to=" + period.to(), "investment.projects",
				"investment.signed", "investment.contracted"));
		return "investment/figures";
	}

}
