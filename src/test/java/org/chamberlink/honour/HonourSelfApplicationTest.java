package org.chamberlink.honour;

import java.util.List;
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
 * Self-application (issue 18: "members may apply themselves where the programme allows"): a member
 * applies for a programme above their organisation; the application holds the member's place but
 * not the organisation's quota until the organisation endorses it (quota checked then) or declines
 * it with a reason; the programme's rules refuse an ineligible applicant; a programme that does not
 * allow it, or one not above the member, answers as nonexistent; a neighbour cannot endorse.
 */
@IntegrationTest
@Tag("database")
class HonourSelfApplicationTest {

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

	HonourScene scene;

	@BeforeEach
	void plant() {
		scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "自荐");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aMemberAppliesAndTheOrganisationEndorsesWithinItsQuotaOrDeclines() {
		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		Long programme = programmes.create(new ProgrammeForm(scene.city(), "优秀会员", null, Set.of(HonoreeKind.PERSON),
				Set.of(HonourLevel.COUNTY, HonourLevel.CITY), 2026, true, false, true, false, false, null, true, false, 5));
		Long closed = programmes.create(ProgrammeForm.of(scene.city(), "不接受自荐", 2026, HonourLevel.CITY));
		Long enterprisesOnly = programmes.create(new ProgrammeForm(scene.city(), "诚信企业", null, Set.of(HonoreeKind.ENTERPRISE),
				Set.of(HonourLevel.CITY), 2026, true, false, true, false, false, null, true, false, 5));
		programmes.setQuota(programme, scene.chamber(), HonourLevel.CITY, 1);
		long first = scene.person("自荐甲");
		long second = scene.person("自荐乙");
		AccountPrincipal firstMember = CaseFixture.memberAccount(accountManagement, jdbc, scene.partyOf(first));
		AccountPrincipal secondMember = CaseFixture.memberAccount(accountManagement, jdbc, scene.partyOf(second));

		HonourScene.signIn(firstMember);
		assertThat(nominations.openTo(firstMember)).extracting(Programme::id).contains(programme, enterprisesOnly).doesNotContain(closed);
		Long applied = nominations.apply(firstMember, new SelfApplicationForm(programme, HonourLevel.CITY, null, "热心公益", null));
		assertThatThrownBy(() -> nominations.apply(firstMember, new SelfApplicationForm(programme, HonourLevel.CITY, null, "再次", null)))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.nomination.twice");
		assertThatThrownBy(() -> nominations.apply(firstMember, new SelfApplicationForm(closed, HonourLevel.CITY, null, "事迹", null)))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> nominations.apply(firstMember, new SelfApplicationForm(enterprisesOnly, HonourLevel.CITY, null, "事迹",
				null))).isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.rule.kind");
		assertThatThrownBy(() -> nominations.apply(firstMember, new SelfApplicationForm(programme, HonourLevel.CITY, null, " ", null)))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "reasons");
		assertThat(nominations.ownApplications(firstMember)).singleElement().satisfies(a -> {
			assertThat(a.status()).isEqualTo(NominationStatus.APPLIED);
			assertThat(a.programmeName()).isEqualTo("优秀会员");
		});
		HonourScene.signIn(secondMember);
		Long secondApplied = nominations.apply(secondMember, new SelfApplicationForm(programme, HonourLevel.CITY, null, "带头致富", null));

		// a nomination by the member's chamber, reviewed by the city; not yet counted against the quota
		assertThat(jdbc.sql("select nominator_org_id || '/' || reviewer_org_id || '/' || self_applied from honour_nomination where id = :id")
			.param("id", applied).query(String.class).single()).isEqualTo(scene.chamber() + "/" + scene.city() + "/true");
		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		assertThat(programmes.quotas(programme)).singleElement().extracting(Quota::used).isEqualTo(0L);
		assertThatThrownBy(() -> nominations.accept(applied, 1)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.nomination.notOpen");

		// a neighbour's chamber cannot see or endorse it
		HonourScene.signIn(scene.account(scene.tree().chamber(), Role.CHAMBER_ADMIN));
		assertThatThrownBy(() -> nominations.endorse(applied)).isInstanceOf(RecordNotFoundException.class);

		// the chamber endorses the first within its one place; the second is over the quota, then declined
		HonourScene.signIn(scene.account(scene.chamber(), Role.CHAMBER_ADMIN));
		nominations.endorse(applied);
		assertThatThrownBy(() -> nominations.endorse(secondApplied)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.quota.full");
		assertThatThrownBy(() -> nominations.endorse(applied)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.apply.notApplied");
		nominations.decline(secondApplied, "名额已用完");

		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		nominations.accept(applied, 1);
		assertThat(programmes.quotas(programme)).singleElement().extracting(Quota::used).isEqualTo(1L);
		HonourScene.signIn(secondMember);
		assertThat(nominations.ownApplications(secondMember)).singleElement().satisfies(a -> {
			assertThat(a.status()).isEqualTo(NominationStatus.REJECTED);
			assertThat(a.statusReason()).isEqualTo("名额已用完");
		});
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Nomination' and entity_id in (:ids)"
				+ " and action in ('HONOUR_SELF_APPLIED', 'HONOUR_APPLICATION_ENDORSED', 'HONOUR_APPLICATION_DECLINED')")
			.param("ids", List.of(String.valueOf(applied), String.valueOf(secondApplied))).query(Long.class).single()).isEqualTo(4);
	}

}
