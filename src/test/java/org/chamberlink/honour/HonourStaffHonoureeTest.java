package org.chamberlink.honour;

import java.time.LocalDate;
import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.CaseFixture;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staff as honourees (优秀秘书长, 优秀工商联干部) and eligibility asked again later: a county
 * nominates its chamber's secretary-general within its quota and the next staff member is refused
 * over it; a member's sign-in, a neighbour's staff and a programme for members only are refused;
 * the city awards the account (counted in its organisation, shown as the staff member's own
 * honour), a disabled account is refused at the award; a member who fell behind with dues after
 * applying or being nominated is refused at the endorsement and at the award with the dues rule.
 */
@IntegrationTest
@Tag("database")
class HonourStaffHonoureeTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HonourProgrammes programmes;

	@Autowired
	HonourNominations nominations;

	@Autowired
	HonourAwards awards;

	HonourScene scene;

	@BeforeEach
	void plant() {
		scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "秘书长");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCountyNominatesASecretaryGeneralAndTheCityAwardsTheStaffMember() {
		AccountPrincipal secretary = scene.account(scene.chamber(), Role.CHAMBER_ADMIN);
		AccountPrincipal countyOfficial = scene.account(scene.county(), Role.STAFF);
		AccountPrincipal neighbourSecretary = scene.account(scene.tree().chamber(), Role.CHAMBER_ADMIN);
		long member = scene.person("会员甲");
		AccountPrincipal memberSignIn = CaseFixture.memberAccount(accountManagement, jdbc, scene.partyOf(member));

		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		Long best = programmes.create(new ProgrammeForm(scene.city(), "优秀秘书长", null, Set.of(HonoreeKind.STAFF),
				Set.of(HonourLevel.CITY), 2026, true, false, false, false, false, null, true, false, 5));
		Long membersOnly = programmes.create(ProgrammeForm.of(scene.city(), "优秀企业", 2026, HonourLevel.CITY));
		Long partyRule = programmes.create(new ProgrammeForm(scene.city(), "优秀党务工作者", null, Set.of(HonoreeKind.STAFF),
				Set.of(HonourLevel.CITY), 2026, true, false, false, true, false, null, true, false, 5));
		programmes.setQuota(best, scene.county(), HonourLevel.CITY, 1);

		HonourScene.signIn(countyOfficial);
		assertThat(nominations.staffChoices(scene.county())).extracting(StaffChoice::accountId)
			.contains(secretary.id(), countyOfficial.id())
			.doesNotContain(memberSignIn.id(), neighbourSecretary.id());
		Long nomination = nominations.nominateStaff(form(best, secretary.id()));
		assertThatThrownBy(() -> nominations.nominateStaff(form(best, countyOfficial.id())))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.quota.full")
			.hasFieldOrPropertyWithValue("field", "accountId");
		assertThatThrownBy(() -> nominations.nominateStaff(form(membersOnly, countyOfficial.id())))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.rule.kind");
		assertThatThrownBy(() -> nominations.nominateStaff(form(partyRule, countyOfficial.id())))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.rule.membersOnlyStaff");
		// a member's sign-in is no staff member; a neighbour's secretary-general and an unknown account answer as nonexistent
		assertThatThrownBy(() -> nominations.nominateStaff(form(partyRule, memberSignIn.id()))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> nominations.nominateStaff(form(partyRule, neighbourSecretary.id())))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> nominations.nominateStaff(form(partyRule, 987_654_321L))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> nominations.nominateStaff(form(best, null))).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.nomination.staffRequired");
		Nomination n = nominations.get(nomination);
		assertThat(n.honoreeAccountId()).isEqualTo(secretary.id());
		assertThat(n.membershipId()).isNull();
		assertThat(n.honoreeOrgId()).isNull();
		assertThat(n.nomineeName()).isEqualTo(secretary.displayName());
		assertThat(n.nomineeOrgName()).isEqualTo("新华区秘书长商会" + scene.tree().tag());
		// written nothing for the refused ones
		assertThat(jdbc.sql("select count(*) from honour_nomination where programme_id in (:ps)")
			.param("ps", java.util.List.of(best, membersOnly, partyRule)).query(Long.class).single()).isEqualTo(1L);

		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		nominations.accept(nomination, 1);
		nominations.publishNotice(best, HonourLevel.CITY);
		// the account disabled meanwhile: refused at the award with the reason, nothing written
		accountManagement.setEnabled(scene.chamber(), secretary.id(), false);
		assertThatThrownBy(() -> awards.award(nomination)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.nomination.staffGone");
		assertThat(awards.ofProgramme(best)).isEmpty();
		accountManagement.setEnabled(scene.chamber(), secretary.id(), true);
		Long award = awards.award(nomination);
		Award made = awards.get(award);
		assertThat(made.honoreeAccountId()).isEqualTo(secretary.id());
		assertThat(made.partyId()).isNull();
		assertThat(made.awardeeName()).isEqualTo(secretary.displayName());
		assertThat(awards.verify(made.certificateNumber())).hasValueSatisfying(v -> assertThat(v.revoked()).isFalse());
		assertThat(awards.rollOfOrganization(scene.chamber())).extracting(Award::id).containsExactly(award);
		assertThat(awards.ownAsStaff(secretary)).extracting(Award::id).containsExactly(award);
		assertThat(awards.ownAsStaff(countyOfficial)).isEmpty();

		// honoured once: the same account is refused for the programme's level again
		HonourScene.signIn(countyOfficial);
		assertThatThrownBy(() -> nominations.nominateStaff(form(best, secretary.id()))).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void aMemberWhoFellBehindWithDuesIsRefusedAtTheEndorsementAndAtTheAward() {
		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		Long programme = programmes.create(new ProgrammeForm(scene.city(), "守信会员", null, Set.of(HonoreeKind.PERSON),
				Set.of(HonourLevel.CITY), 2026, true, false, true, false, true, null, true, false, 5));
		long applicant = scene.person("自荐丙");
		long nominee = scene.person("被推荐丁");
		AccountPrincipal applicantSignIn = CaseFixture.memberAccount(accountManagement, jdbc, scene.partyOf(applicant));

		HonourScene.signIn(applicantSignIn);
		Long applied = nominations.apply(applicantSignIn, new SelfApplicationForm(programme, HonourLevel.CITY, null, "按时缴费", null));
		HonourScene.signIn(scene.account(scene.county(), Role.STAFF));
		Long nominated = nominations.nominate(new NominationForm(programme, HonourLevel.CITY, scene.county(), nominee, "按时缴费", null));

		// both fall behind with their dues after the nomination
		Long overdueApplicant = overdueBill(applicant);
		Long overdueNominee = overdueBill(nominee);
		HonourScene.signIn(scene.account(scene.chamber(), Role.CHAMBER_ADMIN));
		assertThatThrownBy(() -> nominations.endorse(applied)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.rule.dues");
		assertThat(nominations.get(applied).status()).isEqualTo(NominationStatus.APPLIED);

		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		nominations.accept(nominated, 1);
		nominations.publishNotice(programme, HonourLevel.CITY);
		assertThatThrownBy(() -> awards.award(nominated)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.rule.dues");
		assertThat(awards.awardAll(programme, HonourLevel.CITY)).isEmpty();
		assertThat(nominations.get(nominated).status()).isEqualTo(NominationStatus.ACCEPTED);

		// paid: endorsed and awarded
		paid(overdueApplicant);
		paid(overdueNominee);
		HonourScene.signIn(scene.account(scene.chamber(), Role.CHAMBER_ADMIN));
		nominations.endorse(applied);
		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		assertThat(awards.awardAll(programme, HonourLevel.CITY)).hasSize(1);
		assertThat(nominations.get(nominated).status()).isEqualTo(NominationStatus.AWARDED);
	}

	/** A dues bill of last year, due a month ago and unpaid (set-up straight in the dues module's table). */
	private Long overdueBill(long membership) {
		LocalDate due = LocalDate.now().minusMonths(1);
		return jdbc.sql("""
				insert into dues_bill (membership_id, party_id, org_id, org_path, year, role, amount_fen, due_on, issued_on)
				select m.membership_id, m.party_id, m.org_id, m.org_path, :year, 'MEMBER', 50000, :due, :issued
				from published_membership m where m.membership_id = :m
				returning id
				""").param("m", membership).param("year", due.getYear() - 1).param("due", due).param("issued", due.minusMonths(1))
			.query(Long.class).single();
	}

	private void paid(Long bill) {
		jdbc.sql("update dues_bill set waived_fen = amount_fen where id = :id").param("id", bill).update();
	}

	private StaffNominationForm form(Long programme, Long account) {
		return new StaffNominationForm(programme, HonourLevel.CITY, scene.county(), account, "年度工作突出", null);
	}

}
