package org.chamberlink.welfare.web;

import java.io.IOException;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyKind;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.XlsxWriter;
import org.chamberlink.welfare.Pairings;
import org.chamberlink.welfare.Pairings.AdviserForm;
import org.chamberlink.welfare.ReliefStatus;
import org.chamberlink.welfare.VillageImport;
import org.chamberlink.welfare.Villages;
import org.chamberlink.welfare.Villages.Village;
import org.chamberlink.welfare.Villages.VillageForm;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Villages: the list with the form to add one and the Excel import; a village's page with its pairings and advisers. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class VillagePageController {

	private final Villages villages;

	private final VillageImport imports;

	private final Pairings pairings;

	private final WelfarePages pages;

	VillagePageController(Villages villages, VillageImport imports, Pairings pairings, WelfarePages pages) {
		this.villages = villages;
		this.imports = imports;
		this.pairings = pairings;
		this.pages = pages;
	}

	@GetMapping("/welfare/villages")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("villages", villages.search(orgId, keyword, PageRequest.of(Math.max(page, 0), 20)));
		model.addAttribute("keyword", keyword);
		model.addAttribute("orgId", orgId);
		model.addAttribute("organizations", pages.organisations(me));
		model.addAttribute("statuses", ReliefStatus.values());
		return "welfare/villages";
	}

	@PostMapping("/welfare/villages")
	@PreAuthorize(RoleGroups.WORKERS)
	String add(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) String name, @RequestParam(required = false) String statCode,
			@RequestParam(required = false) ReliefStatus reliefStatus, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model, RedirectAttributes redirect) {
		try {
			Long id = villages.add(new VillageForm(orgId, townshipCode, name, statCode, reliefStatus));
			return pages.done("/welfare/villages/" + id, "welfare.village.added", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "village", e, locale, "orgId", orgId == null ? "" : orgId.toString(), "townshipCode", townshipCode,
					"name", name, "statCode", statCode, "reliefStatus", reliefStatus == null ? "" : reliefStatus.name());
			return list(null, null, 0, me, model);
		}
	}

	@PostMapping("/welfare/villages/import")
	@PreAuthorize(RoleGroups.WORKERS)
	String importFile(@RequestParam(required = false) Long orgId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean goodRowsOnly, @AuthenticationPrincipal AccountPrincipal me, Locale locale,
			Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new RuleViolationException("file", "welfare.required");
			}
			model.addAttribute("result", imports.importFile(orgId, file.getInputStream(), goodRowsOnly, locale));
		}
		catch (RuleViolationException e) {
			pages.refused(model, "import", e, locale, "orgId", orgId == null ? "" : orgId.toString());
		}
		return list(null, null, 0, me, model);
	}

	@GetMapping("/welfare/villages/template.xlsx")
	void template(HttpServletResponse response) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"villages.xlsx\"");
		try (XlsxWriter writer = XlsxWriter.open(response.getOutputStream(), "村（社区）", VillageImport.HEADERS)) {
			writer.row(java.util.List.of("130102001", "示例村", "130102001201", "脱贫村"));
		}
	}

	@GetMapping("/welfare/villages/{id}")
	String detail(@PathVariable Long id, Model model) {
		Village village = villages.get(id);
		model.addAttribute("village", village);
		model.addAttribute("pairings", pairings.search(null, village.id(), PageRequest.of(0, 100)).getContent());
		model.addAttribute("advisers", pairings.advisers(village.id()));
		model.addAttribute("persons", pages.members(PartyKind.PERSON));
		return "welfare/village";
	}

	@PostMapping("/welfare/villages/{id}/advisers")
	@PreAuthorize(RoleGroups.WORKERS)
	String appoint(@PathVariable Long id, @RequestParam(required = false) Long partyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate endsOn, Locale locale,
			Model model, RedirectAttributes redirect) {
		villages.get(id);
		try {
			pairings.appoint(id, new AdviserForm(partyId, startsOn, endsOn));
			return pages.done("/welfare/villages/" + id, "welfare.adviser.appointed", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "adviser", e, locale, "partyId", partyId == null ? "" : partyId.toString(), "startsOn",
					startsOn == null ? "" : startsOn.toString(), "endsOn", endsOn == null ? "" : endsOn.toString());
			return detail(id, model);
		}
	}

}
