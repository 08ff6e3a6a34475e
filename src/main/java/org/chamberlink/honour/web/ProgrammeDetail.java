package org.chamberlink.honour.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.chamberlink.honour.Award;
import org.chamberlink.honour.BulkNominationForm;
import org.chamberlink.honour.HonoreeKind;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourNominations;
import org.chamberlink.honour.HonourNotices;
import org.chamberlink.honour.HonourProgrammes;
import org.chamberlink.honour.Nomination;
import org.chamberlink.honour.NominationForm;
import org.chamberlink.honour.OrganizationNominationForm;
import org.chamberlink.honour.StaffNominationForm;
import org.chamberlink.honour.Programme;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Tier;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.FormErrors;
import org.chamberlink.web.RowRefusal;

import org.springframework.core.Conventions;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A programme's page (honour/detail) as every honour page draws it: what it is, quotas, the forms to
 * nominate (one member, an organisation, a staff member, in bulk), the nominations with their review
 * and objections, the awards. The page's forms and row actions go through {@link #form} and
 * {@link #row}: done, back to the page with a message; refused, the page drawn again with what was
 * typed and the message on its field or row (422).
 */
@Component
class ProgrammeDetail {

	// ---- the page's forms as typed (drawn again with them when refused) ----

	record NominateInput(HonourLevel level, Long nominatorOrgId, Long membershipId, String reasons, String evidence) {

		NominationForm form(Long programmeId) {
			return new NominationForm(programmeId, level, nominatorOrgId, membershipId, reasons, evidence);
		}

	}

	record OrganizationNominateInput(HonourLevel level, Long nominatorOrgId, Long honoreeOrgId, String reasons, String evidence) {

		OrganizationNominationForm form(Long programmeId) {
			return new OrganizationNominationForm(programmeId, level, nominatorOrgId, honoreeOrgId, reasons, evidence);
		}

	}

	record StaffNominateInput(HonourLevel level, Long nominatorOrgId, Long accountId, String reasons, String evidence) {

		StaffNominationForm form(Long programmeId) {
			return new StaffNominationForm(programmeId, level, nominatorOrgId, accountId, reasons, evidence);
		}

	}

	record BulkInput(HonourLevel level, Long nominatorOrgId, MemberRole role, Tier tier, Integer joinedYearsAgo, String reasons) {

		BulkNominationForm form(Long programmeId) {
			return new BulkNominationForm(programmeId, level, nominatorOrgId, null, role, tier, joinedYearsAgo, reasons);
		}

	}

	record QuotaInput(Long orgId, HonourLevel level, Integer quota) {
	}

	/** A step of a form or row action; it may leave flash messages for the page it returns to. */
	@FunctionalInterface
	interface Step {

		void run(RedirectAttributes redirect);

	}

	private final HonourProgrammes programmes;

	private final HonourNominations nominations;

	private final HonourAwards awards;

	private final HonourNotices notices;

	private final Organizations organizations;

	private final DataScopes scopes;

	private final Clock clock;

	ProgrammeDetail(HonourProgrammes programmes, HonourNominations nominations, HonourAwards awards, HonourNotices notices,
			Organizations organizations, DataScopes scopes, Clock clock) {
		this.programmes = programmes;
		this.nominations = nominations;
		this.awards = awards;
		this.notices = notices;
		this.organizations = organizations;
		this.scopes = scopes;
		this.clock = clock;
	}

	String show(Long id, AccountPrincipal me, Model model) {
		Programme programme = programmes.get(id);
		List<Nomination> all = nominations.of(id);
		model.addAttribute("programme", programme);
		model.addAttribute("quotas", programmes.quotas(id));
		model.addAttribute("nominations", all);
		// the actions of the reviewer's side only where the caller reviews, the nominator's where it nominated
		DataScope scope = scopes.current();
		model.addAttribute("reviews", ids(all, n -> scope.covers(n.reviewerOrgPath()), Nomination::id));
		model.addAttribute("nominates", ids(all, n -> scope.covers(n.nominatorOrgPath()), Nomination::id));
		Map<Long, Object> objections = new HashMap<>();
		all.stream().filter(Nomination::onNotice).forEach(n -> objections.put(n.id(), notices.objections(n.id())));
		model.addAttribute("objections", objections);
		List<Award> made = awards.ofProgramme(id);
		model.addAttribute("awards", made);
		model.addAttribute("awarding", ids(made, a -> scope.covers(a.awardingOrgPath()), Award::id));
		model.addAttribute("levels", programme.levels());
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("today", LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		boolean runs = me.orgId() == null || organizations.get(me.orgId()).path().length() <= programme.orgPath().length();
		model.addAttribute("runs", runs);
		if (me.orgId() != null) {
			choices(programme, me.orgId(), model);
		}
		HonourLevel first = programme.levels().get(0);
		defaultInput(model, new NominateInput(first, me.orgId(), null, null, null));
		defaultInput(model, new OrganizationNominateInput(first, me.orgId(), null, null, null));
		defaultInput(model, new StaffNominateInput(first, me.orgId(), null, null, null));
		defaultInput(model, new BulkInput(first, me.orgId(), null, null, null, null));
		defaultInput(model, new QuotaInput(null, programme.topLevel(), null));
		return "honour/detail";
	}

	/** Whom the caller's organisation may nominate: its members, and where the programme honours them itself or one below, its staff. */
	private void choices(Programme programme, Long orgId, Model model) {
		model.addAttribute("choices", nominations.choices(orgId));
		model.addAttribute("below", organizations.children(orgId));
		if (programme.honoreeKinds().contains(HonoreeKind.TREE_ORGANIZATION)) {
			// an organisation nominates itself or one directly below it
			List<OrganizationSummary> orgChoices = new ArrayList<>();
			orgChoices.add(organizations.get(orgId));
			orgChoices.addAll(organizations.children(orgId));
			model.addAttribute("orgChoices", orgChoices);
		}
		if (programme.honoreeKinds().contains(HonoreeKind.STAFF)) {
			// the staff of the caller's organisation and of those directly below it
			model.addAttribute("staffChoices", nominations.staffChoices(orgId));
		}
	}

	/** A form of the page: done, back to the programme; refused, drawn again with what was typed and the message on its field. */
	String form(Long id, BindingResult result, AccountPrincipal me, Model model, RedirectAttributes redirect, Step step) {
		if (!result.hasErrors()) {
			try {
				step.run(redirect);
				return "redirect:/honours/" + id;
			}
			catch (RuleViolationException e) {
				FormErrors.reject(result, e);
			}
		}
		return show(id, me, model);
	}

	/** An action on a row of the page: done, back to the programme; refused, drawn again with the message on the row. */
	String row(Long id, AccountPrincipal me, Model model, RedirectAttributes redirect, Step step,
			Function<RuleViolationException, RowRefusal> refusal) {
		try {
			step.run(redirect);
			return "redirect:/honours/" + id;
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", refusal.apply(e));
			return show(id, me, model);
		}
	}

	/** The form's empty input, unless the page is drawn again with what was typed. */
	private static void defaultInput(Model model, Object input) {
		if (!model.containsAttribute(Conventions.getVariableName(input))) {
			model.addAttribute(input);
		}
	}

	private static <T> Set<Long> ids(List<T> rows, Predicate<T> keep, Function<T, Long> id) {
		return rows.stream().filter(keep).map(id).collect(Collectors.toSet());
	}

}
