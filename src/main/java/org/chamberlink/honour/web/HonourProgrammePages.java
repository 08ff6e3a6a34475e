package org.chamberlink.honour.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import org.chamberlink.honour.HonoreeKind;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourProgrammes;
import org.chamberlink.honour.ProgrammeForm;
import org.chamberlink.honour.web.ProgrammeDetail.QuotaInput;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's honour programmes (评价表彰): the list with a new one, a programme's page and its
 * quotas. A refused form is drawn again with what was typed and its message (422).
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class HonourProgrammePages {

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
				ticked.stream().filter(Objects::nonNull).forEach(set::add);
			}
			return set;
		}

		public boolean has(Object value) {
			return (honoreeKinds != null && honoreeKinds.contains(value)) || (levels != null && levels.contains(value));
		}

	}

	private final HonourProgrammes programmes;

	private final HonourAwards awards;

	private final ProgrammeDetail detail;

	private final Clock clock;

	HonourProgrammePages(HonourProgrammes programmes, HonourAwards awards, ProgrammeDetail detail, Clock clock) {
		this.programmes = programmes;
		this.awards = awards;
		this.detail = detail;
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
		return detail.show(id, me, model);
	}

	@PostMapping("/honours/{id}/quotas")
	@PreAuthorize(RoleGroups.WORKERS)
	String quota(@PathVariable Long id, QuotaInput quotaInput, BindingResult result, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		return detail.form(id, result, me, model, redirect, flash -> {
			programmes.setQuota(id, quotaInput.orgId(), quotaInput.level(), quotaInput.quota());
			flash.addFlashAttribute("success", "honour.quota.saved");
		});
	}

}
