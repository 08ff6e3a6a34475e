package org.chamberlink.points.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.points.PointClaims;
import org.chamberlink.points.PointRule;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Manual claims: an organisation's staff claim a manual rule's points with evidence; an officer
 * above decides each pending claim of the subtree (approve, or reject with a reason).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class PointClaimsController {

	private final PointClaims claims;

	private final MessageSource messages;

	PointClaimsController(PointClaims claims, MessageSource messages) {
		this.claims = claims;
		this.messages = messages;
	}

	@GetMapping("/points/claims")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("claims", claims.list());
		List<PointRule> claimable = me.orgId() == null ? List.of() : claims.claimable(me.orgId());
		model.addAttribute("claimable", claimable);
		model.addAttribute("mine", me.orgId());
		if (!model.containsAttribute("claimForm")) {
			model.addAttribute("claimForm", PointClaims.ClaimForm.empty());
		}
		return "points/claims";
	}

	@PostMapping("/points/claims")
	@PreAuthorize(RoleGroups.WORKERS)
	String submit(@org.springframework.web.bind.annotation.ModelAttribute("claimForm") PointClaims.ClaimForm claimForm, BindingResult result,
			@RequestParam(name = "file", required = false) MultipartFile evidence, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) throws IOException {
		if (!result.hasErrors()) {
			try {
				claims.submit(claimForm, evidence == null || evidence.isEmpty() ? null
						: new PointClaims.Evidence(evidence.getOriginalFilename(), evidence.getContentType(), evidence.getBytes()));
				redirect.addFlashAttribute("success", "points.claim.submitted");
				return "redirect:/points/claims";
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return list(me, model);
	}

	@GetMapping("/points/claims/{id}/evidence")
	ResponseEntity<byte[]> evidence(@PathVariable Long id) {
		PointClaims.Evidence file = claims.evidence(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(file.content());
	}

	@PostMapping("/points/claims/{id}/approve")
	@PreAuthorize(RoleGroups.ADMINS)
	String approve(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			claims.approve(id);
			redirect.addFlashAttribute("success", "points.claim.approved");
			return "redirect:/points/claims";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("decide", id, e, messages, locale));
			return list(me, model);
		}
	}

	@PostMapping("/points/claims/{id}/reject")
	@PreAuthorize(RoleGroups.ADMINS)
	String reject(@PathVariable Long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			claims.reject(id, reason);
			redirect.addFlashAttribute("success", "points.claim.rejected");
			return "redirect:/points/claims";
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("decide", id, e, messages, locale, "reason", reason));
			return list(me, model);
		}
	}

}
