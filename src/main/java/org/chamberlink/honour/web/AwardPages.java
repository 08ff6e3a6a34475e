package org.chamberlink.honour.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.chamberlink.honour.Award;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.web.RowRefusal;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Awards on a programme's page: all that may be awarded now, revocation and plaques, certificates one by one or merged. */
@Controller
@PreAuthorize(RoleGroups.READERS)
class AwardPages {

	private final HonourAwards awards;

	private final CertificatePdf certificates;

	private final ProgrammeDetail detail;

	private final MessageSource messages;

	AwardPages(HonourAwards awards, CertificatePdf certificates, ProgrammeDetail detail, MessageSource messages) {
		this.awards = awards;
		this.certificates = certificates;
		this.detail = detail;
		this.messages = messages;
	}

	@PostMapping("/honours/{id}/award-all")
	@PreAuthorize(RoleGroups.WORKERS)
	String awardAll(@PathVariable Long id, @RequestParam(required = false) HonourLevel level, RedirectAttributes redirect) {
		List<Long> made = awards.awardAll(id, level);
		redirect.addFlashAttribute("success", made.isEmpty() ? "honour.award.noneReady" : "honour.award.allMade");
		return "redirect:/honours/" + id;
	}

	@PostMapping("/honours/awards/{aid}/{action}")
	@PreAuthorize(RoleGroups.WORKERS)
	String awardAction(@PathVariable Long aid, @PathVariable String action, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plaqueHandedOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		Award award = awards.get(aid);
		return detail.row(award.programmeId(), me, model, redirect, flash -> {
			switch (action) {
				case "revoke" -> awards.revoke(aid, reason);
				case "plaque" -> awards.plaqueHandedOver(aid, plaqueHandedOn);
				default -> throw new RecordNotFoundException("Action", action);
			}
			flash.addFlashAttribute("success", "honour.saved");
		}, e -> RowRefusal.of(action, aid, e, messages, locale, "reason", reason, "plaqueHandedOn",
				plaqueHandedOn == null ? null : plaqueHandedOn.toString()));
	}

	@GetMapping("/honours/awards/{aid}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable Long aid, Locale locale) {
		return pdf(certificates.render(List.of(awards.get(aid)), AwardPages::verificationUrl, locale), "certificate-" + aid + ".pdf");
	}

	/** The programme's awards (not revoked) the caller made, at one level or all, merged for printing. */
	@GetMapping("/honours/{id}/certificates.pdf")
	ResponseEntity<byte[]> merged(@PathVariable Long id, @RequestParam(required = false) HonourLevel level, Locale locale) {
		List<Award> all = awards.ofProgramme(id).stream()
			.filter(a -> !a.revoked() && (level == null || a.level() == level))
			.toList();
		return pdf(certificates.render(awards.all(all.stream().map(Award::id).toList()), AwardPages::verificationUrl, locale),
				"certificates-" + id + ".pdf");
	}

	/** The public verification page of a certificate number, as its QR code opens it. */
	static String verificationUrl(String number) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/honours/verify/{number}").buildAndExpand(number)
			.toUriString();
	}

	static ResponseEntity<byte[]> pdf(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(body);
	}

}
