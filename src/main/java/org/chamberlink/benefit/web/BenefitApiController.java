package org.chamberlink.benefit.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.chamberlink.benefit.BenefitFigures;
import org.chamberlink.benefit.BenefitFigures.MonthUses;
import org.chamberlink.benefit.Merchant;
import org.chamberlink.benefit.MerchantForm;
import org.chamberlink.benefit.Merchants;
import org.chamberlink.identity.RoleGroups;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner merchants through the API (/api/v1/merchants): list, read, sign, change, uses by month,
 * and the till's sign-in. Out-of-scope ids answer 404 like unknown ones; refused input answers 422
 * with the field (decision 0025). Figures: /api/v1/figures/benefit.*.
 */
@RestController
@RequestMapping("/api/v1/merchants")
@PreAuthorize(RoleGroups.READERS)
class BenefitApiController {

	private final Merchants merchants;

	private final BenefitFigures figures;

	BenefitApiController(Merchants merchants, BenefitFigures figures) {
		this.merchants = merchants;
		this.figures = figures;
	}

	@GetMapping
	List<Merchant> list() {
		return merchants.list();
	}

	@GetMapping("/{id}")
	Merchant get(@PathVariable Long id) {
		return merchants.get(id);
	}

	@PostMapping
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Merchant> create(@RequestBody MerchantForm form) {
		Long id = merchants.create(form);
		return ResponseEntity.created(URI.create("/api/v1/merchants/" + id)).body(merchants.get(id));
	}

	@PutMapping("/{id}")
	@PreAuthorize(RoleGroups.WORKERS)
	Merchant update(@PathVariable Long id, @RequestBody MerchantForm form) {
		merchants.update(id, form);
		return merchants.get(id);
	}

	@GetMapping("/{id}/uses")
	List<MonthUses> uses(@PathVariable Long id) {
		return figures.byMonth(id);
	}

	/** Opens the merchant's till; the initial password is in this answer only. */
	@PostMapping("/{id}/account")
	@PreAuthorize(RoleGroups.ADMINS)
	ResponseEntity<Map<String, String>> openAccount(@PathVariable Long id) {
		Merchants.Opened opened = merchants.openAccount(id);
		return ResponseEntity.created(URI.create("/api/v1/merchants/" + id))
			.body(Map.of("login", opened.login(), "initialPassword", opened.initialPassword()));
	}

}
