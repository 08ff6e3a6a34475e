package org.chamberlink.welfare.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.PartyKind;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.welfare.CampaignKind;
import org.chamberlink.welfare.DonationPledges;
import org.chamberlink.welfare.DonationPledges.PledgeForm;
import org.chamberlink.welfare.DonationReceipts;
import org.chamberlink.welfare.DonationReceipts.ReceiptForm;
import org.chamberlink.welfare.DonationTransfers;
import org.chamberlink.welfare.DonationTransfers.TransferForm;
import org.chamberlink.welfare.Donations;
import org.chamberlink.welfare.Donations.Campaign;
import org.chamberlink.welfare.Donations.CampaignForm;
import org.chamberlink.welfare.DonorTotals;

import org.springframework.data.domain.PageRequest;
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
 * Donation campaigns: the list with the form for a new one; a campaign's page with pledges (each
 * with its receive form), receipts and their certificates, transfers with documents, totals by
 * donor, and the switch that publishes the thank-you roll.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class CampaignPageController {

	private final Donations donations;

	private final DonationPledges donationPledges;

	private final DonationReceipts donationReceipts;

	private final DonationTransfers donationTransfers;

	private final DonorTotals donorTotals;

	private final WelfarePages pages;

	private final DonationCertificatePdf certificates;

	CampaignPageController(Donations donations, DonationPledges donationPledges, DonationReceipts donationReceipts,
			DonationTransfers donationTransfers, DonorTotals donorTotals, WelfarePages pages,
			DonationCertificatePdf certificates) {
		this.donations = donations;
		this.donationPledges = donationPledges;
		this.donationReceipts = donationReceipts;
		this.donationTransfers = donationTransfers;
		this.donorTotals = donorTotals;
		this.pages = pages;
		this.certificates = certificates;
	}

	@GetMapping("/welfare/campaigns")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("campaigns", donations.search(orgId, PageRequest.of(Math.max(page, 0), 20)));
		model.addAttribute("organizations", pages.organisations(me));
		model.addAttribute("kinds", CampaignKind.values());
		Long node = orgId != null ? orgId : me.orgId();
		if (node != null) {
			model.addAttribute("totals", donorTotals.byOrganization(node));
			model.addAttribute("donorTotals", donorTotals.byDonorWithin(node));
		}
		return "welfare/campaigns";
	}

	@PostMapping("/welfare/campaigns")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) CampaignKind kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String target,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			Long id = donations.create(new CampaignForm(orgId, kind, title, target, startsOn, endsOn));
			return pages.done("/welfare/campaigns/" + id, "welfare.campaign.created", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "campaign", e, locale, "orgId", PairingPageController.text(orgId), "kind",
					kind == null ? "" : kind.name(), "title", title, "target", target, "startsOn", PairingPageController.text(startsOn),
					"endsOn", PairingPageController.text(endsOn));
			return list(null, 0, me, model);
		}
	}

	@GetMapping("/welfare/campaigns/{id}")
	String detail(@PathVariable Long id, Model model) {
		Campaign campaign = donations.get(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("pledges", donationPledges.pledges(campaign.id()));
		model.addAttribute("receipts", donationReceipts.receipts(campaign.id()));
		model.addAttribute("transfers", donationTransfers.transfers(campaign.id()));
		model.addAttribute("donors", donorTotals.byDonor(campaign.id()));
		model.addAttribute("members", pages.members(null));
		return "welfare/campaign";
	}

	@PostMapping("/welfare/campaigns/{id}/pledges")
	@PreAuthorize(RoleGroups.WORKERS)
	String pledge(@PathVariable Long id, @RequestParam(required = false) Long partyId, @RequestParam(required = false) String donorName,
			@RequestParam(required = false) String money, @RequestParam(required = false) String goodsValue,
			@RequestParam(required = false) String goods,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pledgedOn,
			@RequestParam(defaultValue = "false") boolean consent, Locale locale, Model model, RedirectAttributes redirect) {
		donations.get(id);
		try {
			donationPledges.pledge(id, new PledgeForm(partyId, null, donorName, money, goodsValue, goods, pledgedOn, consent));
			return pages.done("/welfare/campaigns/" + id, "welfare.pledge.recorded", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "pledge", e, locale, "partyId", PairingPageController.text(partyId), "donorName", donorName, "money", money,
					"goodsValue", goodsValue, "goods", goods, "pledgedOn", PairingPageController.text(pledgedOn));
			return detail(id, model);
		}
	}

	@PostMapping("/welfare/campaigns/{id}/pledges/{pledgeId}/receipts")
	@PreAuthorize(RoleGroups.WORKERS)
	String receive(@PathVariable Long id, @PathVariable Long pledgeId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) String money, @RequestParam(required = false) String goodsValue,
			@RequestParam(required = false) String note, Locale locale, Model model, RedirectAttributes redirect) {
		Campaign campaign = donations.get(id);
		if (donationPledges.pledges(campaign.id()).stream().noneMatch(p -> p.id().equals(pledgeId))) {
			throw new RecordNotFoundException("Pledge", pledgeId);
		}
		try {
			donationReceipts.receive(pledgeId, new ReceiptForm(receivedOn, money, goodsValue, note));
			return pages.done("/welfare/campaigns/" + id, "welfare.receipt.recorded", redirect);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", org.chamberlink.web.RowRefusal.of("receive", pledgeId, e, messages(), locale, "receivedOn",
					PairingPageController.text(receivedOn), "money", money, "goodsValue", goodsValue, "note", note));
			return detail(id, model);
		}
	}

	@PostMapping("/welfare/campaigns/{id}/receipts/{receiptId}/correct")
	@PreAuthorize(RoleGroups.WORKERS)
	String correct(@PathVariable Long id, @PathVariable Long receiptId, @RequestParam(required = false) String reason, Locale locale,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = donations.get(id);
		if (donationReceipts.receipts(campaign.id()).stream().noneMatch(r -> r.id().equals(receiptId))) {
			throw new RecordNotFoundException("Receipt", receiptId);
		}
		try {
			donationReceipts.correctReceipt(receiptId, reason);
			return pages.done("/welfare/campaigns/" + id, "welfare.receipt.corrected", redirect);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", org.chamberlink.web.RowRefusal.of("correct", receiptId, e, messages(), locale, "reason", reason));
			return detail(id, model);
		}
	}

	@GetMapping("/welfare/receipts/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable Long id, Locale locale) {
		DonationReceipts.Receipt receipt = donationReceipts.receipt(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(receipt.number() + ".pdf").build().toString())
			.body(certificates.render(receipt, locale));
	}

	@PostMapping("/welfare/campaigns/{id}/transfers")
	@PreAuthorize(RoleGroups.WORKERS)
	String transfer(@PathVariable Long id, @RequestParam(required = false) String recipient, @RequestParam(required = false) String amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate transferredOn,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) MultipartFile document, Locale locale,
			Model model, RedirectAttributes redirect) throws IOException {
		donations.get(id);
		try {
			boolean has = document != null && !document.isEmpty();
			donationTransfers.transfer(id, new TransferForm(recipient, amount, transferredOn, purpose), has ? document.getOriginalFilename() : null,
					has ? document.getContentType() : null, has ? document.getBytes() : null);
			return pages.done("/welfare/campaigns/" + id, "welfare.transfer.recorded", redirect);
		}
		catch (RuleViolationException e) {
			pages.refused(model, "transfer", e, locale, "recipient", recipient, "amount", amount, "transferredOn",
					PairingPageController.text(transferredOn), "purpose", purpose);
			return detail(id, model);
		}
	}

	@PostMapping("/welfare/campaigns/{id}/transfers/{transferId}/correct")
	@PreAuthorize(RoleGroups.WORKERS)
	String correctTransfer(@PathVariable Long id, @PathVariable Long transferId, @RequestParam(required = false) String reason,
			Locale locale, Model model, RedirectAttributes redirect) {
		Campaign campaign = donations.get(id);
		if (donationTransfers.transfers(campaign.id()).stream().noneMatch(t -> t.id().equals(transferId))) {
			throw new RecordNotFoundException("Transfer", transferId);
		}
		try {
			donationTransfers.correctTransfer(transferId, reason);
			return pages.done("/welfare/campaigns/" + id, "welfare.transfer.corrected", redirect);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal",
					org.chamberlink.web.RowRefusal.of("correctTransfer", transferId, e, messages(), locale, "reason", reason));
			return detail(id, model);
		}
	}

	@GetMapping("/welfare/transfers/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable Long id) {
		DonationTransfers.Document document = donationTransfers.document(id).orElseThrow(() -> new RecordNotFoundException("Document", id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(document.name() == null ? "document" : document.name(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(document.bytes());
	}

	@PostMapping("/welfare/campaigns/{id}/roll")
	@PreAuthorize(RoleGroups.WORKERS)
	String roll(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean published, RedirectAttributes redirect) {
		donations.publishRoll(id, published);
		return pages.done("/welfare/campaigns/" + id, published ? "welfare.roll.published" : "welfare.roll.withdrawn", redirect);
	}

	private org.springframework.context.MessageSource messages() {
		return pages.messages();
	}

}
