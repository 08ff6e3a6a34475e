package org.chamberlink.honour;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
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
 * Honours against the database: quotas at submission (also two at once for the last place),
 * eligibility refused with the rule, nominating outside one's subtree, the notice and an
 * objection holding the award, the level below, bulk nomination within and over the quota,
 * random certificate numbers, verification and revocation, and the scope.
 */
@IntegrationTest
@Tag("database")
class HonourWorkflowTest {

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
	HonourNotices notices;

	@Autowired
	HonourAwards awards;

	HonourScene scene;

	AccountPrincipal cityStaff;

	AccountPrincipal countyStaff;

	@BeforeEach
	void plant() {
		scene = HonourScene.plant(port, new OrganizationFixture(port, accountManagement, tokens, jdbc), jdbc, "表彰");
		cityStaff = scene.account(scene.city(), Role.STAFF);
		countyStaff = scene.account(scene.county(), Role.STAFF);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCountyNominatesWithinItsQuotaAndTheNextIsRefusedWritingNothing() {
		Long programme = cityProgramme("光彩之星", HonourLevel.CITY);
		programmes.setQuota(programme, scene.county(), HonourLevel.CITY, 2);
		long a = scene.enterprise("甲");
		long b = scene.enterprise("乙");
		long c = scene.enterprise("丙");
		HonourScene.signIn(countyStaff);
		nominations.nominate(form(programme, a));
		nominations.nominate(form(programme, b));
		assertThatThrownBy(() -> nominations.nominate(form(programme, c))).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.quota.full");
		assertThat(nominations.of(programme)).hasSize(2);
		assertThatThrownBy(() -> nominations.nominate(form(programme, a))).isInstanceOf(RuleViolationException.class);
		assertThat(programmes.quotas(programme)).singleElement().extracting(Quota::used).isEqualTo(2L);
	}

	@Test
	void twoNominationsAtOnceForTheLastPlaceTakeItOnce() throws Exception {
		Long programme = cityProgramme("五星级文明户", HonourLevel.CITY);
		programmes.setQuota(programme, scene.county(), HonourLevel.CITY, 1);
		List<Long> members = List.of(scene.enterprise("并一"), scene.enterprise("并二"));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> outcomes = new ArrayList<>();
			for (Long member : members) {
				outcomes.add(pool.submit(() -> {
					HonourScene.signIn(countyStaff);
					start.await();
					try {
						nominations.nominate(form(programme, member));
						return true;
					}
					catch (RuleViolationException full) {
						return false;
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				}));
			}
			start.countDown();
			long taken = 0;
			for (Future<Boolean> outcome : outcomes) {
				taken += outcome.get() ? 1 : 0;
			}
			assertThat(taken).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		HonourScene.signIn(cityStaff);
		assertThat(nominations.of(programme)).hasSize(1);
	}

	@Test
	void anIneligibleNomineeIsRefusedWithTheRuleItFails() {
		HonourScene.signIn(cityStaff);
		Long partyOnly = programmes.create(new ProgrammeForm(scene.city(), "党员文明经营户", null, Set.of(HonoreeKind.ENTERPRISE,
				HonoreeKind.PERSON), Set.of(HonourLevel.CITY), 2026, true, true, false, true, false, null, true, false, 5));
		Long longMembers = programmes.create(new ProgrammeForm(scene.city(), "老会员", null, Set.of(HonoreeKind.ENTERPRISE),
				Set.of(HonourLevel.CITY), 2026, true, false, false, false, false, 10, true, false, 5));
		Long personsOnly = programmes.create(new ProgrammeForm(scene.city(), "优秀秘书长", null, Set.of(HonoreeKind.PERSON),
				Set.of(HonourLevel.CITY), 2026, true, false, false, false, false, null, true, false, 5));
		long enterprise = scene.enterprise("非党员");
		long person = scene.person("党员张");
		HonourScene.signIn(countyStaff);
		assertThatThrownBy(() -> nominations.nominate(form(partyOnly, enterprise))).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.rule.partyMember");
		nominations.nominate(form(partyOnly, person));
		assertThatThrownBy(() -> nominations.nominate(form(longMembers, enterprise))).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.rule.minYears");
		assertThatThrownBy(() -> nominations.nominate(form(personsOnly, enterprise))).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageKey", "honour.rule.kind");
		assertThat(jdbc.sql("select count(*) from honour_nomination where programme_id in (:ids)")
			.param("ids", List.of(partyOnly, longMembers, personsOnly)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void nominatingOutsideOnesSubtreeIsRefusedAndANeighboursMemberIsNotFound() {
		Long programme = cityProgramme("青年文明号", HonourLevel.CITY);
		long member = scene.enterprise("子树");
		long otherChamber = new OrganizationFixture(port, accountManagement, tokens, jdbc).chamber("INDUSTRY",
				"新华区另一商会" + scene.tree().tag(), "130105", scene.county());
		HonourScene.signIn(countyStaff);
		assertThatThrownBy(() -> nominations.nominate(new NominationForm(programme, HonourLevel.CITY, otherChamber, member, "事迹", null)))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.nomination.outsideSubtree");
		HonourScene.signIn(scene.account(scene.tree().county(), Role.STAFF));
		assertThatThrownBy(() -> programmes.get(programme)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> nominations.nominate(form(programme, member))).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void anObjectionHoldsTheAwardUntilAnsweredAndTheCertificateCanBeVerifiedAndRevoked() {
		Long programme = cityProgramme("文明诚信私营企业", HonourLevel.CITY);
		long member = scene.enterprise("公示");
		HonourScene.signIn(countyStaff);
		Long nomination = nominations.nominate(form(programme, member));
		HonourScene.signIn(cityStaff);
		nominations.accept(nomination, 1);
		assertThatThrownBy(() -> awards.award(nomination)).hasFieldOrPropertyWithValue("messageKey", "honour.award.notOnNotice");
		assertThat(nominations.publishNotice(programme, HonourLevel.CITY)).isEqualTo(1);
		SecurityContextHolder.clearContext();
		assertThat(notices.publicNotice(programme)).get().extracting(n -> n.entries().get(0).nomineeName())
			.isEqualTo("公示有限公司" + scene.tree().tag());
		Long objection = notices.object(programme, nomination, "该企业曾有失信记录", "13900001111");
		HonourScene.signIn(cityStaff);
		assertThatThrownBy(() -> awards.award(nomination)).hasFieldOrPropertyWithValue("messageKey", "honour.award.objectionOpen");
		assertThat(jdbc.sql("select count(*) from honour_award where nomination_id = :n").param("n", nomination).query(Long.class)
			.single()).isZero();
		notices.answer(objection, "经核实，失信记录已修复");
		Long award = awards.award(nomination);
		String number = awards.get(award).certificateNumber();
		assertThat(number).matches("RY(-[2-9A-HJKMNP-Z]{4}){4}");
		assertThat(awards.verify(number)).get().satisfies(v -> {
			assertThat(v.revoked()).isFalse();
			assertThat(v.awardingOrgName()).startsWith("石家庄市工商联");
			assertThat(v.level()).isEqualTo(HonourLevel.CITY);
		});
		assertThat(awards.verify("RY-2222-2222-2222-2222")).isEmpty();
		assertThat(awards.verify("1")).isEmpty();
		awards.revoke(award, "发现虚报事迹");
		assertThat(awards.verify(number)).get().satisfies(v -> {
			assertThat(v.revoked()).isTrue();
			assertThat(v.revokeReason()).isEqualTo("发现虚报事迹");
		});
		HonourScene.signIn(countyStaff);
		assertThatThrownBy(() -> awards.revoke(award, "越权")).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void theCityLevelIsAwardedOnlyToAHolderOfTheCountyLevel() {
		Long programme = cityProgramme("光彩之星（分级）", HonourLevel.COUNTY, HonourLevel.CITY);
		long member = scene.enterprise("分级");
		HonourScene.signIn(scene.account(scene.chamber(), Role.CHAMBER_ADMIN));
		Long atCounty = nominations.nominate(new NominationForm(programme, HonourLevel.COUNTY, scene.chamber(), member, "县级事迹", null));
		HonourScene.signIn(countyStaff);
		Long atCity = nominations.nominate(form(programme, member));
		HonourScene.signIn(cityStaff);
		nominations.accept(atCity, null);
		nominations.publishNotice(programme, HonourLevel.CITY);
		assertThatThrownBy(() -> awards.award(atCity)).hasFieldOrPropertyWithValue("messageKey", "honour.award.levelBelowMissing");
		HonourScene.signIn(countyStaff);
		nominations.accept(atCounty, null);
		nominations.publishNotice(programme, HonourLevel.COUNTY);
		awards.award(atCounty);
		HonourScene.signIn(cityStaff);
		awards.award(atCity);
		assertThat(awards.ofProgramme(programme)).extracting(Award::level).containsExactlyInAnyOrder(HonourLevel.COUNTY, HonourLevel.CITY);
	}

	@Test
	void aBulkNominationTakesEveryEligibleMemberOrNothingOverTheQuota() {
		Long programme = cityProgramme("五星级文明户（批量）", HonourLevel.CITY);
		scene.enterprise("批一");
		scene.enterprise("批二");
		scene.enterprise("批三");
		programmes.setQuota(programme, scene.county(), HonourLevel.CITY, 2);
		HonourScene.signIn(countyStaff);
		BulkNominationForm all = new BulkNominationForm(programme, HonourLevel.CITY, scene.county(), null, null, null, null, "文明经营");
		assertThatThrownBy(() -> nominations.nominateAll(all)).hasFieldOrPropertyWithValue("messageKey", "honour.quota.bulkOver");
		assertThat(nominations.of(programme)).isEmpty();
		HonourScene.signIn(cityStaff);
		programmes.setQuota(programme, scene.county(), HonourLevel.CITY, 10);
		HonourScene.signIn(countyStaff);
		assertThat(nominations.nominateAll(all)).isEqualTo(new BulkOutcome(3, 0));
		assertThat(nominations.nominateAll(all)).isEqualTo(new BulkOutcome(0, 0));
	}

	private Long cityProgramme(String name, HonourLevel... levels) {
		HonourScene.signIn(cityStaff);
		return programmes.create(ProgrammeForm.of(scene.city(), name + scene.tree().tag(), 2026, levels));
	}

	private NominationForm form(Long programme, long membership) {
		return new NominationForm(programme, HonourLevel.CITY, scene.county(), membership, "诚信经营，热心公益", "荣誉证书复印件");
	}

}
