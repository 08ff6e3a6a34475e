package org.chamberlink.honour.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.honour.Award;
import org.chamberlink.honour.BulkNominationForm;
import org.chamberlink.honour.BulkOutcome;
import org.chamberlink.honour.HonoreeKind;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourNominations;
import org.chamberlink.honour.HonourNotices;
import org.chamberlink.honour.HonourProgrammes;
import org.chamberlink.honour.Nomination;
import org.chamberlink.honour.NominationForm;
import org.chamberlink.honour.Programme;
import org.chamberlink.honour.ProgrammeForm;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The staff's honour pages (评价表彰): programmes and a new one, a programme's quotas, nominations
 * (one or in bulk), their review, the public notice, awards with certificates (one or merged),
 * revocation and plaques. A refused form is drawn again with what was typed and its message (422).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class HonourPageController {

	/** A new programme as typed; unticked boxes come as null. */
	record ProgrammeInput(Long orgId, String name, String coOrganizerName, List<HonoreeKind> honoreeKinds, List<HonourLevel> levels,
			Integer cycle, Boolean certificate, Boolean plaque, Boolean selfApply, Boolean rulePartyMember, Boolean ruleDues,
			Integer ruleMinYears, Boolean ruleOnce, Boolean ruleRegistered, Integer noticeDays) {

		ProgrammeForm form() {
			return new ProgrammeForm(orgId, name, coOrganizerName, setOf(HonoreeKind.class, honoreeKinds),
					setOf(HonourLevel.class, levels), cycle, t(certificate), t(plaque), t(selfApply),
					t(rulePartyMember), t(ruleDues), ruleMinYears, t(ruleOnce), t(ruleRegistered), noticeDays);
		}

		private static boolean t(Boolean b) {
			return Boolean.TRUE.equals(b);
		}

		/** The ticked boxes; none ticked (null or an empty list) is an empty set, refused on its field by the service. */
		private static <E extends Enum<E>> EnumSet<E> setOf(Class<E> type, List<E> ticked) {
			EnumSet<E> set = EnumSet.noneOf(type);
			if (ticked != null) {
				ticked.stream().filter(java.util.Objects::nonNull).forEach(set::add);
			}
			return set;
		}

		public boolean has(Object value) {
			return (honoreeKinds != null && honoreeKinds.contains(value)) || (levels != null && levels.contains(value));
		}

	}

	record NominateInput(HonourLevel level, Long nominatorOrgId, Long membershipId, String reasons, String evidence) {
	}

	record OrganizationNominateInput(HonourLevel level, Long nominatorOrgId, Long honoreeOrgId, String reasons, String evidence) {
	}

	record StaffNominateInput(HonourLevel level, Long nominatorOrgId, Long accountId, String reasons, String evidence) {
	}

	record BulkInput(HonourLevel level, Long nominatorOrgId, MemberRole role, Tier tier, Integer joinedYearsAgo, String reasons) {
	}

	record QuotaInput(Long orgId, HonourLevel level, Integer quota) {
	}

	private final HonourProgrammes programmes;

	private final HonourNominations nominations;

	private final HonourAwards awards;

	private final HonourNotices notices;

	private final CertificatePdf certificates;

	private final MessageSource messages;

	private final org.chamberlink.organization.Organizations organizations;

	private final Clock clock;

	private final org.chamberlink.organization.DataScopes scopes;

	private final org.chamberlink.honour.HonourRolls rolls;

	HonourPageController(org.chamberlink.organization.DataScopes scopes, HonourProgrammes programmes, HonourNominations nominations, HonourAwards awards, HonourNotices notices,
			CertificatePdf certificates, MessageSource messages, org.chamberlink.organization.Organizations organizations, Clock clock,
			org.chamberlink.honour.HonourRolls rolls) {
		this.rolls = rolls;
		this.scopes = scopes;
		this.programmes = programmes;
		this.nominations = nominations;
		this.awards = awards;
		this.notices = notices;
		this.certificates = certificates;
		this.messages = messages;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping("/honours")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("programmes", programmes.list());
		model.addAttribute("kinds", HonoreeKind.values());
		model.addAttribute("levels", HonourLevel.values());
		// a staff member's own honours (优秀秘书长 …), with their certificates
		model.addAttribute("ownHonours", awards.ownAsStaff(me));
		if (!model.containsAttribute("programmeInput")) {
			model.addAttribute("programmeInput", new ProgrammeInput(me.orgId(), null, null, List.of(HonoreeKind.ENTERPRISE),
					List.of(), LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear(), true, false, false, false, false, null, true,
					false, 5));
		}
		return "honour/list";
	}

	@PostMapping("/honours")
	@PreAuthorize(RoleGroups.WORKERS)
	String create(ProgrammeInput programmeInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (!result.hasErrors()) {
			try {
				Long id = programmes.create(programmeInput.form());
				return "redirect:/honours/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return list(me, model);
	}

	@GetMapping("/honours/{id}")
	String detail(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Programme programme = programmes.get(id);
		List<Nomination> all = nominations.of(id);
		model.addAttribute("programme", programme);
		model.addAttribute("quotas", programmes.quotas(id));
		model.addAttribute("nominations", all);
		// the actions of the reviewer's side only where the caller reviews, the nominator's where it nominated
		org.chamberlink.organization.DataScope scope = scopes.current();
		model.addAttribute("reviews", all.stream().filter(n -> scope.covers(n.reviewerOrgPath())).map(Nomination::id)
			.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("nominates", all.stream().filter(n -> scope.covers(n.nominatorOrgPath())).map(Nomination::id)
			.collect(java.util.stream.Collectors.toSet()));
		Map<Long, Object> objections = new HashMap<>();
		all.stream().filter(Nomination::onNotice).forEach(n -> objections.put(n.id(), notices.objections(n.id())));
		model.addAttribute("objections", objections);
		List<Award> made = awards.ofProgramme(id);
		model.addAttribute("awards", made);
		model.addAttribute("awarding", made.stream().filter(a -> scope.covers(a.awardingOrgPath())).map(Award::id)
			.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("levels", programme.levels());
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		boolean runs = me.orgId() == null || organizations.get(me.orgId()).path().length() <= programme.orgPath().length();
		model.addAttribute("runs", runs);
		if (me.orgId() != null) {
			model.addAttribute("choices", nominations.choices(me.orgId()));
			model.addAttribute("below", organizations.children(me.orgId()));
			if (programme.honoreeKinds().contains(HonoreeKind.TREE_ORGANIZATION)) {
				// an organisation nominates itself or one directly below it
				List<org.chamberlink.organization.OrganizationSummary> orgChoices = new java.util.ArrayList<>();
				orgChoices.add(organizations.get(me.orgId()));
				orgChoices.addAll(organizations.children(me.orgId()));
				model.addAttribute("orgChoices", orgChoices);
			}
			if (programme.honoreeKinds().contains(HonoreeKind.STAFF)) {
				// the staff of the caller's organisation and of those directly below it
				model.addAttribute("staffChoices", nominations.staffChoices(me.orgId()));
			}
		}
		HonourLevel first = programme.levels().get(0);
		if (!model.containsAttribute("nominateInput")) {
			model.addAttribute("nominateInput", new NominateInput(first, me.orgId(), null, null, null));
		}
		if (!model.containsAttribute("organizationNominateInput")) {
			model.addAttribute("organizationNominateInput", new OrganizationNominateInput(first, me.orgId(), null, null, null));
		}
		if (!model.containsAttribute("staffNominateInput")) {
			model.addAttribute("staffNominateInput", new StaffNominateInput(first, me.orgId(), null, null, null));
		}
		if (!model.containsAttribute("bulkInput")) {
			model.addAttribute("bulkInput", new BulkInput(first, me.orgId(), null, null, null, null));
		}
		if (!model.containsAttribute("quotaInput")) {
			model.addAttribute("quotaInput", new QuotaInput(null, programme.topLevel(), null));
		}
		return "honour/detail";
	}

	@PostMapping("/honours/{id}/quotas")
	@PreAuthorize(RoleGroups.WORKERS)
	String quota(@PathVariable Long id, QuotaInput quotaInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				programmes.setQuota(id, quotaInput.orgId(), quotaInput.level(), quotaInput.quota());
				redirect.addFlashAttribute("success", "honour.quota.saved");
				return "redirect:/honours/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return detail(id, me, model);
	}

	@PostMapping("/honours/{id}/nominations")
	@PreAuthorize(RoleGroups.WORKERS)
	String nominate(@PathVariable Long id, NominateInput nominateInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				nominations.nominate(new NominationForm(id, nominateInput.level(), nominateInput.nominatorOrgId(),
						nominateInput.membershipId(), nominateInput.reasons(), nominateInput.evidence()));
				redirect.addFlashAttribute("success", "honour.nomination.saved");
				return "redirect:/honours/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return detail(id, me, model);
	}

	@PostMapping("/honours/{id}/nominations/organization")
	@PreAuthorize(RoleGroups.WORKERS)
	String nominateOrganization(@PathVariable Long id, OrganizationNominateInput organizationNominateInput, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				nominations.nominateOrganization(new org.chamberlink.honour.OrganizationNominationForm(id, organizationNominateInput.level(),
						organizationNominateInput.nominatorOrgId(), organizationNominateInput.honoreeOrgId(), organizationNominateInput.reasons(),
						organizationNominateInput.evidence()));
				redirect.addFlashAttribute("success", "honour.nomination.saved");
				return "redirect:/honours/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return detail(id, me, model);
	}

	@PostMapping("/honours/{id}/nominations/staff")
	@PreAuthorize(RoleGroups.WORKERS)
	String nominateStaff(@PathVariable Long id, StaffNominateInput staffNominateInput, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				nominations.nominateStaff(new org.chamberlink.honour.StaffNominationForm(id, staffNominateInput.level(),
						staffNominateInput.nominatorOrgId(), staffNominateInput.accountId(), staffNominateInput.reasons(),
						staffNominateInput.evidence()));
				redirect.addFlashAttribute("success", "honour.nomination.saved");
				return "redirect:/honours/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return detail(id, me, model);
	}

	@PostMapping("/honours/{id}/nominations/bulk")
	@PreAuthorize(RoleGroups.WORKERS)
	String bulk(@PathVariable Long id, BulkInput bulkInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				BulkOutcome outcome = nominations.nominateAll(new BulkNominationForm(id, bulkInput.level(), bulkInput.nominatorOrgId(),
						null, bulkInput.role(), bulkInput.tier(), bulkInput.joinedYearsAgo(), bulkInput.reasons()));
				redirect.addFlashAttribute("bulkOutcome", outcome);
				return "redirect:/honours/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return detail(id, me, model);
	}

	/** One action on a nomination row: accept, reject, more, forward, recommend, decision, resubmit, endorse, decline, award. */
	@PostMapping("/honours/nominations/{nid}/{action}")
	@PreAuthorize(RoleGroups.WORKERS)
	String act(@PathVariable Long nid, @PathVariable String action, @RequestParam(required = false) Integer rank,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String outsideBody,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String evidence,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		Nomination n = nominations.get(nid);
		try {
			switch (action) {
				case "accept" -> nominations.accept(nid, rank);
				case "reject" -> nominations.reject(nid, reason);
				case "more" -> nominations.askForMore(nid, reason);
				case "forward" -> nominations.forward(nid);
				case "recommend" -> nominations.recommend(nid, outsideBody);
				case "decision" -> nominations.recordDecision(nid, decision, reason);
				case "resubmit" -> nominations.resubmit(nid, evidence);
				case "endorse" -> nominations.endorse(nid);
				case "decline" -> nominations.decline(nid, reason);
				case "award" -> awards.award(nid);
				default -> throw new org.chamberlink.shared.RecordNotFoundException("Action", action);
			}
			redirect.addFlashAttribute("success", "honour.saved");
			return "redirect:/honours/" + n.programmeId();
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of(action, nid, e, messages, locale, "rank", rank == null ? null : rank.toString(),
					"reason", reason, "outsideBody", outsideBody, "evidence", evidence));
			return detail(n.programmeId(), me, model);
		}
	}

	@PostMapping("/honours/{id}/notice")
	@PreAuthorize(RoleGroups.WORKERS)
	String notice(@PathVariable Long id, @RequestParam(required = false) HonourLevel level, RedirectAttributes redirect) {
		int count = nominations.publishNotice(id, level);
		redirect.addFlashAttribute("success", count > 0 ? "honour.notice.published" : "honour.notice.none");
		return "redirect:/honours/" + id;
	}

	@PostMapping("/honours/{id}/award-all")
	@PreAuthorize(RoleGroups.WORKERS)
	String awardAll(@PathVariable Long id, @RequestParam(required = false) HonourLevel level, RedirectAttributes redirect) {
		List<Long> made = awards.awardAll(id, level);
		redirect.addFlashAttribute("success", made.isEmpty() ? "honour.award.noneReady" : "honour.award.allMade");
		return "redirect:/honours/" + id;
	}

	@PostMapping("/honours/objections/{oid}/answer")
	@PreAuthorize(RoleGroups.WORKERS)
	String answer(@PathVariable Long oid, @RequestParam Long programmeId, @RequestParam(required = false) String answer,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			notices.answer(oid, answer);
			redirect.addFlashAttribute("success", "honour.objection.answered");
			return "redirect:/honours/" + programmeId;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of("answer", oid, e, messages, locale, "answer", answer));
			return detail(programmeId, me, model);
		}
	}

	@PostMapping("/honours/awards/{aid}/{action}")
	@PreAuthorize(RoleGroups.WORKERS)
	String awardAction(@PathVariable Long aid, @PathVariable String action, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plaqueHandedOn,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		Award award = awards.get(aid);
		try {
			switch (action) {
				case "revoke" -> awards.revoke(aid, reason);
				case "plaque" -> awards.plaqueHandedOver(aid, plaqueHandedOn);
				default -> throw new org.chamberlink.shared.RecordNotFoundException("Action", action);
			}
			redirect.addFlashAttribute("success", "honour.saved");
			return "redirect:/honours/" + award.programmeId();
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", RowRefusal.of(action, aid, e, messages, locale, "reason", reason, "plaqueHandedOn",
					plaqueHandedOn == null ? null : plaqueHandedOn.toString()));
			return detail(award.programmeId(), me, model);
		}
	}

	@GetMapping("/honours/awards/{aid}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable Long aid, Locale locale) {
		return pdf(certificates.render(List.of(awards.get(aid)), HonourPageController::verificationUrl, locale),
				"certificate-" + aid + ".pdf");
	}

	/** The programme's awards (not revoked) the caller made, at one level or all, merged for printing. */
	@GetMapping("/honours/{id}/certificates.pdf")
	ResponseEntity<byte[]> merged(@PathVariable Long id, @RequestParam(required = false) HonourLevel level, Locale locale) {
		List<Award> all = awards.ofProgramme(id).stream()
			.filter(a -> !a.revoked() && (level == null || a.level() == level))
			.toList();
		return pdf(certificates.render(awards.all(all.stream().map(Award::id).toList()), HonourPageController::verificationUrl, locale),
				"certificates-" + id + ".pdf");
	}

	/**
	 * An organisation's honour roll: a page (with publishing it as a signed-out public roll), or
	 * (htmx) the panel on the organisation's page (decision 0046).
	 */
	@GetMapping("/honours/roll/organization/{orgId}")
	String organizationRoll(@PathVariable Long orgId, Model model, jakarta.servlet.http.HttpServletRequest request) {
		model.addAttribute("rollOf", organizations.get(orgId).name());
		model.addAttribute("roll", awards.rollOfOrganization(orgId));
		model.addAttribute("rollOrgId", orgId);
		model.addAttribute("published", rolls.published(orgId));
		return org.chamberlink.web.Fragments.pageOr(request, "honour/roll", "roll");
	}

	/** The organisation publishes its honour roll (a signed-out page, /honours/public/{orgId}) or withdraws it. */
	@PostMapping("/honours/roll/organization/{orgId}/{action:publish|withdraw}")
	@PreAuthorize(RoleGroups.WORKERS)
	String publishRoll(@PathVariable Long orgId, @PathVariable String action, RedirectAttributes redirect) {
		if ("publish".equals(action)) {
			rolls.publish(orgId);
		}
		else {
			rolls.withdraw(orgId);
		}
		redirect.addFlashAttribute("success", "publish".equals(action) ? "honour.publicRoll.published" : "honour.publicRoll.withdrawn");
		return "redirect:/honours/roll/organization/" + orgId;
	}

	/** A member's honour roll: a page, or (htmx) the panel on the member's page (decision 0046). */
	@GetMapping("/honours/roll/member/{partyId}")
	String memberRoll(@PathVariable Long partyId, Model model, jakarta.servlet.http.HttpServletRequest request) {
		List<Award> roll = awards.rollOfParty(partyId);
		model.addAttribute("rollOf", roll.isEmpty() ? "" : roll.get(0).awardeeName());
		model.addAttribute("roll", roll);
		return org.chamberlink.web.Fragments.pageOr(request, "honour/roll", "roll");
	}

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
