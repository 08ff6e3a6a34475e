package org.chamberlink.disclosure.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.disclosure.DisclosureDrafts;
import org.chamberlink.disclosure.DisclosureDrafts.ExpenseForm;
import org.chamberlink.disclosure.DisclosureDrafts.ResolutionForm;
import org.chamberlink.disclosure.DisclosureFinances;
import org.chamberlink.disclosure.DisclosureFinances.Finances;
import org.chamberlink.disclosure.DisclosureParts;
import org.chamberlink.disclosure.DisclosureParts.ResolutionLine;
import org.chamberlink.disclosure.Disclosures;
import org.chamberlink.disclosure.Disclosures.BoardRow;
import org.chamberlink.disclosure.Disclosures.Disclosure;
import org.chamberlink.disclosure.ExpenseCategory;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 三公开 API (/api/v1/disclosures): disclosures per organisation and year, their texts,
 * resolutions, expenses (multipart, the voucher required), finances and publishing, and the board
 * of a subtree. Out-of-scope ids answer 404 like unknown ones; refused input 422 with the field.
 */
@RestController
@RequestMapping("/api/v1/disclosures")
@PreAuthorize(RoleGroups.READERS)
class DisclosureApiController {

	record NewDisclosure(Long orgId, Integer year) {
	}

	record Texts(String partyText, String leadershipText) {
	}

	private final Disclosures disclosures;

	private final DisclosureDrafts disclosureDrafts;

	private final DisclosureParts disclosureParts;

	private final DisclosureFinances disclosureFinances;

	DisclosureApiController(Disclosures disclosures, DisclosureDrafts disclosureDrafts, DisclosureParts disclosureParts,
			DisclosureFinances disclosureFinances) {
		this.disclosures = disclosures;
		this.disclosureDrafts = disclosureDrafts;
		this.disclosureParts = disclosureParts;
		this.disclosureFinances = disclosureFinances;
	}

	@GetMapping
	List<Disclosure> list(@RequestParam(required = false) Integer year) {
		return disclosures.list(year);
	}

	@GetMapping("/{id}")
	Disclosure get(@PathVariable Long id) {
		return disclosures.get(id);
	}

	@PostMapping
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Disclosure> create(@RequestBody NewDisclosure form) {
		Long id = disclosures.create(form.orgId(), form.year());
		return ResponseEntity.created(URI.create("/api/v1/disclosures/" + id)).body(disclosures.get(id));
	}

	@PostMapping("/{id}/texts")
	@PreAuthorize(RoleGroups.WORKERS)
	Disclosure texts(@PathVariable Long id, @RequestBody Texts texts) {
		disclosureDrafts.writeTexts(id, texts.partyText(), texts.leadershipText());
		return disclosures.get(id);
	}

	@GetMapping("/{id}/resolutions")
	List<ResolutionLine> resolutions(@PathVariable Long id) {
		return disclosureParts.resolutions(id);
	}

	@PostMapping("/{id}/resolutions")
	@PreAuthorize(RoleGroups.WORKERS)
	List<ResolutionLine> addResolution(@PathVariable Long id, @RequestBody ResolutionForm form) {
		disclosureDrafts.addResolution(id, form);
		return disclosureParts.resolutions(id);
	}

	@PostMapping(path = "/{id}/expenses", consumes = "multipart/form-data")
	@PreAuthorize(RoleGroups.WORKERS)
	Finances addExpense(@PathVariable Long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate spentOn,
			@RequestParam(required = false) String category, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String amount, @RequestParam(name = "file", required = false) MultipartFile voucher) throws IOException {
		ExpenseCategory kind;
		try {
			kind = category == null || category.isBlank() ? null : ExpenseCategory.valueOf(category.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException("category", "disclosure.category.invalid");
		}
		disclosureDrafts.addExpense(id, new ExpenseForm(spentOn, kind, purpose, amount), DisclosurePageController.file(voucher));
		return disclosureFinances.finances(id);
	}

	@GetMapping("/{id}/finances")
	Finances finances(@PathVariable Long id) {
		return disclosureFinances.finances(id);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize(RoleGroups.ADMINS)
	Disclosure publish(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me) {
		disclosureDrafts.publish(id, me);
		return disclosures.get(id);
	}

	@GetMapping("/board")
	List<BoardRow> board(@RequestParam Long orgId, @RequestParam(required = false) Integer year) {
		return disclosures.board(orgId, year != null ? year : disclosures.lastYear());
	}

}
