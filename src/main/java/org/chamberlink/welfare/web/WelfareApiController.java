package org.chamberlink.welfare.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.welfare.Agreements;
import org.chamberlink.welfare.Agreements.Agreement;
import org.chamberlink.welfare.Agreements.AgreementForm;
import org.chamberlink.welfare.DonationPledges;
import org.chamberlink.welfare.DonationPledges.PledgeForm;
import org.chamberlink.welfare.DonationReceipts;
import org.chamberlink.welfare.DonationReceipts.ReceiptForm;
import org.chamberlink.welfare.Donations;
import org.chamberlink.welfare.Donations.Campaign;
import org.chamberlink.welfare.Donations.CampaignForm;
import org.chamberlink.welfare.DonorTotals;
import org.chamberlink.welfare.Pairings;
import org.chamberlink.welfare.Pairings.AdviserForm;
import org.chamberlink.welfare.Pairings.Pairing;
import org.chamberlink.welfare.Pairings.PairingForm;
import org.chamberlink.welfare.Projects;
import org.chamberlink.welfare.Projects.PaymentForm;
import org.chamberlink.welfare.Projects.Project;
import org.chamberlink.welfare.Projects.ProjectForm;
import org.chamberlink.welfare.Villages;
import org.chamberlink.welfare.Villages.Village;
import org.chamberlink.welfare.Villages.VillageForm;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The welfare API (/api/v1/welfare): villages, pairings, advisers, projects and payments,
 * campaigns, pledges and receipts, agreements. Out-of-scope ids answer 404 like unknown ones;
 * refused input answers 422 with the field (decision 0025). Figures: /api/v1/figures/welfare.*.
 */
@RestController
@RequestMapping("/api/v1/welfare")
@PreAuthorize(RoleGroups.READERS)
class WelfareApiController {

	private final Villages villages;

	private final Pairings pairings;

	private final Projects projects;

	private final Donations donations;

	private final DonationPledges donationPledges;

	private final DonationReceipts donationReceipts;

	private final DonorTotals donorTotals;

	private final Agreements agreements;

	WelfareApiController(Villages villages, Pairings pairings, Projects projects, Donations donations,
			DonationPledges donationPledges, DonationReceipts donationReceipts, DonorTotals donorTotals,
			Agreements agreements) {
		this.villages = villages;
		this.pairings = pairings;
		this.projects = projects;
		this.donations = donations;
		this.donationPledges = donationPledges;
		this.donationReceipts = donationReceipts;
		this.donorTotals = donorTotals;
		this.agreements = agreements;
	}

	@GetMapping("/villages")
	List<Village> villages(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return villages.search(orgId, keyword, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))).getContent();
	}

	@GetMapping("/villages/{id}")
	Village village(@PathVariable Long id) {
		return villages.get(id);
	}

	@PostMapping("/villages")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Village> addVillage(@RequestBody VillageForm form) {
		Long id = villages.add(form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/villages/" + id)).body(villages.get(id));
	}

	@GetMapping("/villages/{id}/advisers")
	List<Pairings.Adviser> advisers(@PathVariable Long id) {
		return pairings.advisers(id);
	}

	@PostMapping("/villages/{id}/advisers")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Map<String, Long>> appoint(@PathVariable Long id, @RequestBody AdviserForm form) {
		Long adviser = pairings.appoint(id, form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/villages/" + id + "/advisers")).body(Map.of("id", adviser));
	}

	@GetMapping("/pairings")
	List<Pairing> pairings(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long villageId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return pairings.search(orgId, villageId, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))).getContent();
	}

	@GetMapping("/pairings/{id}")
	Pairing pairing(@PathVariable Long id) {
		return pairings.get(id);
	}

	@PostMapping("/pairings")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Pairing> pair(@RequestBody PairingForm form) {
		Long id = pairings.create(form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/pairings/" + id)).body(pairings.get(id));
	}

	@GetMapping("/pairings/{id}/projects")
	List<Project> projects(@PathVariable Long id) {
		return projects.ofPairing(id);
	}

	@PostMapping("/pairings/{id}/projects")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Project> addProject(@PathVariable Long id, @RequestBody ProjectForm form) {
		Long project = projects.create(id, form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/projects/" + project)).body(projects.get(project));
	}

	@GetMapping("/projects/{id}")
	Project project(@PathVariable Long id) {
		return projects.get(id);
	}

	@GetMapping("/projects/{id}/payments")
	List<Projects.Payment> payments(@PathVariable Long id) {
		return projects.payments(id);
	}

	@PostMapping("/projects/{id}/payments")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Project> pay(@PathVariable Long id, @RequestBody PaymentForm form) {
		Long payment = projects.pay(id, form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/projects/" + id + "/payments/" + payment)).body(projects.get(id));
	}

	@GetMapping("/campaigns")
	List<Campaign> campaigns(@RequestParam(required = false) Long orgId, @RequestParam(defaultValue = "0") int page) {
		return donations.search(orgId, PageRequest.of(Math.max(page, 0), 50)).getContent();
	}

	@GetMapping("/donations/by-organization")
	List<DonorTotals.DonorTotal> byOrganization(@RequestParam Long orgId) {
		return donorTotals.byOrganization(orgId);
	}

	@GetMapping("/donations/by-donor")
	List<DonorTotals.DonorTotal> byDonor(@RequestParam Long orgId) {
		return donorTotals.byDonorWithin(orgId);
	}

	@GetMapping("/campaigns/{id}")
	Campaign campaign(@PathVariable Long id) {
		return donations.get(id);
	}

	@PostMapping("/campaigns")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Campaign> createCampaign(@RequestBody CampaignForm form) {
		Long id = donations.create(form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/campaigns/" + id)).body(donations.get(id));
	}

	@GetMapping("/campaigns/{id}/pledges")
	List<DonationPledges.Pledge> pledges(@PathVariable Long id) {
		return donationPledges.pledges(id);
	}

	@PostMapping("/campaigns/{id}/pledges")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Map<String, Long>> pledge(@PathVariable Long id, @RequestBody PledgeForm form) {
		Long pledge = donationPledges.pledge(id, form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/campaigns/" + id + "/pledges")).body(Map.of("id", pledge));
	}

	@PostMapping("/pledges/{id}/receipts")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<DonationReceipts.Receipt> receive(@PathVariable Long id, @RequestBody ReceiptForm form) {
		Long receipt = donationReceipts.receive(id, form);
		return ResponseEntity.created(URI.create("/welfare/receipts/" + receipt + "/certificate.pdf")).body(donationReceipts.receipt(receipt));
	}

	@GetMapping("/campaigns/{id}/receipts")
	List<DonationReceipts.Receipt> receipts(@PathVariable Long id) {
		return donationReceipts.receipts(id);
	}

	@GetMapping("/campaigns/{id}/donors")
	List<DonorTotals.DonorTotal> donors(@PathVariable Long id) {
		return donorTotals.byDonor(id);
	}

	@GetMapping("/agreements")
	List<Agreement> agreements() {
		return agreements.list();
	}

	@GetMapping("/agreements/{id}")
	Agreement agreement(@PathVariable Long id) {
		return agreements.get(id);
	}

	@PostMapping("/agreements")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Agreement> sign(@RequestBody AgreementForm form) {
		Long id = agreements.sign(form);
		return ResponseEntity.created(URI.create("/api/v1/welfare/agreements/" + id)).body(agreements.get(id));
	}

}
