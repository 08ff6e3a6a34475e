package org.chamberlink;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps what STYLE.md asks for: entities and repositories stay inside their module; and decision 21:
 * "now" and "today" come from the injected Clock.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.chamberlink");

	@Test
	void entitiesArePackagePrivate() {
		classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void repositoriesArePackagePrivate() {
		classes().that().areAssignableTo(Repository.class).and().areInterfaces().should().notBePublic().check(CLASSES);
	}

	@Test
	void controllersStayOutOfOtherModulesInternals() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should(notDependOnAnotherModulesInternals())
			.check(CLASSES);
	}

	/**
	 * Every query is scoped to the caller's subtree unless its method says otherwise: a method
	 * named {@code …Unscoped} answers regardless of scope, so each caller is named here, where a
	 * reviewer sees it (decision 0024).
	 */
	static final java.util.Map<String, java.util.Set<String>> UNSCOPED_CALLERS = java.util.Map.ofEntries(
			// a member registers or withdraws through their audience, not the staff scope
			java.util.Map.entry("lockedUnscoped", java.util.Set.of("org.chamberlink.activity.ActivityRegistrations")),
			java.util.Map.entry("namesUnscoped", java.util.Set.of("org.chamberlink.member.MemberList", "org.chamberlink.member.PartyMemberships",
						"org.chamberlink.member.MemberFigures",
						"org.chamberlink.member.MemberIndustryFigureSource", // report (issue 22): drill-down names
						"org.chamberlink.member.MemberAccounts", "org.chamberlink.member.JoinApplications",
						"org.chamberlink.member.PartyChangeProposals", "org.chamberlink.casework.CaseNotices",
						"org.chamberlink.dues.DuesBills", "org.chamberlink.dues.DuesFigures", "org.chamberlink.dues.DuesLedger",
						"org.chamberlink.dues.DuesReminders", "org.chamberlink.dues.OwnDues", "org.chamberlink.dues.ReceiptNames",
						"org.chamberlink.casework.VisitView",
						"org.chamberlink.casework.TimeLimits", "org.chamberlink.casework.CaseNames",
						"org.chamberlink.activity.Activities", "org.chamberlink.activity.ActivityRegistrations",
						"org.chamberlink.activity.ActivityFeeds",
						// ---- points: organisation names are public ----
						"org.chamberlink.points.PointLedger", "org.chamberlink.points.PointClaims",
						// honour: organisers' and awardees' organisation names (public, as on a certificate)
						"org.chamberlink.honour.HonourProgrammes", "org.chamberlink.honour.OrganizationHonourees",
						"org.chamberlink.honour.BulkNomination", "org.chamberlink.honour.HonourNotices",
						// ---- welfare ----
						"org.chamberlink.welfare.Pairings", "org.chamberlink.welfare.Donations",
						"org.chamberlink.welfare.DonationReceipts", "org.chamberlink.welfare.DonorTotals",
						// ---- survey: organisers' and respondents' organisations named (names are public) ----
						"org.chamberlink.survey.Surveys", "org.chamberlink.survey.SurveyResults",
						"org.chamberlink.survey.web.SurveyPageController",
						// ---- benefit: signing organisations and the card's organisations (names are public) ----
						"org.chamberlink.benefit.Merchants", "org.chamberlink.benefit.MemberCards",
						// ---- proposal, disclosure: organisation names are public ----
						"org.chamberlink.proposal.Suggestions", "org.chamberlink.proposal.Proposals",
						"org.chamberlink.disclosure.Disclosures",
						// ---- finance / investment: organisation names are public ----
						"org.chamberlink.finance.BankAgreements", "org.chamberlink.finance.LoanReferrals",
						"org.chamberlink.finance.GuaranteeFunds", "org.chamberlink.investment.InvestmentProjects")),

			// honour: members' facts asked in one batch (bulk nomination, self-application, the award's recheck)
			java.util.Map.entry("partyFactsUnscoped", java.util.Set.of("org.chamberlink.honour.BulkNomination",
						"org.chamberlink.honour.SelfApplications", "org.chamberlink.honour.EligibilityRecheck")),
			java.util.Map.entry("overdueAmongUnscoped", java.util.Set.of("org.chamberlink.honour.BulkNomination",
						"org.chamberlink.honour.SelfApplications", "org.chamberlink.honour.EligibilityRecheck",
						// ---- benefit: a card's validity is its member's standing in every current membership (the
						// member reached by a signed code, or by their own sign-in), and the figures' members read
						// from the node's subtree in published_membership ----
						"org.chamberlink.benefit.MemberCards", "org.chamberlink.benefit.BenefitFigures")),
			java.util.Map.entry("partyNamesUnscoped", java.util.Set.of("org.chamberlink.dues.LedgerEntries")),
			java.util.Map.entry("partyNamesByIdUnscoped", java.util.Set.of("org.chamberlink.casework.VisitView",
						"org.chamberlink.casework.CaseNames",
						// ---- welfare ----
						"org.chamberlink.welfare.Pairings", "org.chamberlink.welfare.Agreements",
						// ---- finance / investment: the names of the members a referral, fund entry or project names ----
						"org.chamberlink.finance.LoanReferrals", "org.chamberlink.finance.GuaranteeFunds",
						"org.chamberlink.investment.InvestmentProjects")),
			// ---- welfare: the public thank-you roll ----
			java.util.Map.entry("rollUnscoped", java.util.Set.of("org.chamberlink.welfare.web.ThankYouController")),
			java.util.Map.entry("lockUnscoped", java.util.Set.of("org.chamberlink.dues.DuesCorrections")),
			java.util.Map.entry("nameUnscoped", java.util.Set.of("org.chamberlink.casework.CaseNotices",
						// ---- proposal: the submitter's and the deputy's names on a suggestion or proposal in scope ----
						"org.chamberlink.proposal.Suggestions", "org.chamberlink.proposal.Proposals")),
			java.util.Map.entry("findActiveUnscoped", java.util.Set.of("org.chamberlink.member.JoinApplications",
						"org.chamberlink.member.PartyEmails", "org.chamberlink.casework.PortalCaseFiling",
						// ---- proposal, disclosure: a member's own organisations in the portal ----
						"org.chamberlink.proposal.Suggestions", "org.chamberlink.disclosure.Disclosures",
						"org.chamberlink.casework.CaseTransfers",
						// ---- points: the listeners run without a sign-in ----
						"org.chamberlink.points.PointListeners",
						// honour: the federation above a nominator that reviews (a county does not see its city), the
						// member's own organisation in the portal, an honouree asked again at endorsement and award
						"org.chamberlink.honour.NominationSteps", "org.chamberlink.honour.SelfApplications",
						"org.chamberlink.honour.OrganizationHonourees", "org.chamberlink.honour.StaffHonourees",
						"org.chamberlink.honour.EligibilityRecheck",
						// honour: the organisation of a published public honour roll (signed out, its name is public)
						"org.chamberlink.honour.HonourRolls")),
			// ---- honour: the signed-out public honour roll of an organisation that publishes it ----
			java.util.Map.entry("publicRollUnscoped", java.util.Set.of("org.chamberlink.honour.web.HonourPublicController")),
			java.util.Map.entry("pathUnscoped", java.util.Set.of("org.chamberlink.casework.CaseRecords", "org.chamberlink.casework.CaseTransfers",
						"org.chamberlink.casework.CaseTransferTargets", "org.chamberlink.activity.ActivityFeeds")),
			// ---- points: a late check-in at a held activity ----
			java.util.Map.entry("findHeldUnscoped", java.util.Set.of("org.chamberlink.points.PointListeners")),
			java.util.Map.entry("verifyUnscoped", java.util.Set.of("org.chamberlink.activity.web.CheckInPageController")),
			java.util.Map.entry("feedUnscoped", java.util.Set.of("org.chamberlink.activity.web.ActivityFeedController")),
			java.util.Map.entry("findForJoinPageUnscoped", java.util.Set.of("org.chamberlink.member.web.JoinPageController")),
			java.util.Map.entry("forNoticeUnscoped", java.util.Set.of("org.chamberlink.casework.CaseNotices",
						"org.chamberlink.activity.ActivityNotices",
						// notice: reminding the unread members of a notice (decision 39)
						"org.chamberlink.notice.NoticeReminders")),
			// ---- notice (decision 50): the addresses of a chunk of a notice's unread members, in the reminder job ----
			java.util.Map.entry("forNoticesUnscoped", java.util.Set.of("org.chamberlink.notice.NoticeReminders")),
			java.util.Map.entry("findUnscoped", java.util.Set.of("org.chamberlink.organization.OrganizationManagement")),
			java.util.Map.entry("phoneForNoticeUnscoped", java.util.Set.of("org.chamberlink.casework.CaseNotices",
						"org.chamberlink.activity.ActivityNotices",
						// notice: reminding the unread members of a notice (decision 39)
						"org.chamberlink.notice.NoticeReminders")));

	@Test
	void unscopedMethodsAreCalledOnlyByTheirNamedCallers() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
			.should(callUnscopedMethodsWithoutBeingNamed())
			.check(CLASSES);
	}

	@Test
	void theUnscopedRuleCatchesAnUnnamedCaller() {
		JavaClasses sneaky = new ClassFileImporter().importClasses(SneakyCaller.class,
				org.chamberlink.organization.Organizations.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> com.tngtech.archunit.lang.syntax.ArchRuleDefinition
			.classes()
			.should(callUnscopedMethodsWithoutBeingNamed())
			.check(sneaky)).hasMessageContaining("namesUnscoped");
	}

	/** A class nobody named, calling an unscoped method: what the rule exists to catch. */
	static class SneakyCaller {

		java.util.Map<Long, String> peek(org.chamberlink.organization.Organizations organizations) {
			return organizations.namesUnscoped(java.util.List.of(1L));
		}

	}

	private static ArchCondition<JavaClass> callUnscopedMethodsWithoutBeingNamed() {
		return new ArchCondition<>("call …Unscoped methods only where named as their caller") {
			@Override
			public void check(JavaClass caller, ConditionEvents events) {
				caller.getMethodCallsFromSelf().forEach(call -> {
					String name = call.getName();
					if (name.endsWith("Unscoped") && !call.getTargetOwner().equals(caller)) {
						boolean named = UNSCOPED_CALLERS.getOrDefault(name, java.util.Set.of())
							.contains(caller.getName().replaceAll("\\$.*", ""));
						events.add(new SimpleConditionEvent(call, named, call.getDescription()));
					}
				});
			}
		};
	}

	private static ArchCondition<JavaClass> notDependOnAnotherModulesInternals() {
		return new ArchCondition<>("not depend on another module's internal package") {
			@Override
			public void check(JavaClass controller, ConditionEvents events) {
				String own = module(controller.getPackageName());
				controller.getDirectDependenciesFromSelf().forEach(dependency -> {
					String target = dependency.getTargetClass().getPackageName();
					if (target.contains(".internal") && target.startsWith("org.chamberlink.")
							&& !module(target).equals(own)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				});
			}
		};
	}

	@Test
	void nowAndTodayComeFromTheInjectedClock() {
		noClasses().that()
			.resideInAPackage("org.chamberlink..")
			.should()
			.callMethodWhere(NO_ARGUMENT_NOW)
			.because("the server's zone is not China's: ask the injected Clock (LocalDate.now(clock), clock.instant())")
			.check(CLASSES);
	}

	private static final List<Class<?>> READ_THE_CLOCK = List.of(LocalDate.class, LocalDateTime.class, LocalTime.class,
			Instant.class, ZonedDateTime.class, OffsetDateTime.class, Year.class, YearMonth.class);

	private static final DescribedPredicate<JavaMethodCall> NO_ARGUMENT_NOW = DescribedPredicate.describe(
			"the no-argument now() of java.time",
			call -> call.getName().equals("now") && call.getTarget().getRawParameterTypes().isEmpty()
					&& READ_THE_CLOCK.stream().anyMatch(type -> call.getTargetOwner().isEquivalentTo(type)));

	private static String module(String packageName) {
		String rest = packageName.substring("org.chamberlink.".length());
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}


}
