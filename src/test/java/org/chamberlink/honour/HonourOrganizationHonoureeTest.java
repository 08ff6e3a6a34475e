package org.chamberlink.honour;

import java.util.Set;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.OrganizationFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organisations of the tree as honourees (先进单位, 星级党组织): a county nominates its chamber within
 * its quota and the next is refused over it; a programme for members only refuses an organisation
 * with the rule; a neighbour's chamber answers as nonexistent; the award names the organisation,
 * counts in its own subtree's roll, and the city level needs the county level below.
 */
@IntegrationTest
@Tag("database")
class HonourOrganizationHonoureeTest {

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

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCountyNominatesItsChamberAndTheCityAwardsTheOrganisation() {
		var fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		HonourScene scene = HonourScene.plant(port, fixture, jdbc, "先进单位");
		long secondChamber = fixture.chamber("INDUSTRY", "新华区第二商会" + scene.tree().tag(), "130105", scene.county());
		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		Long units = programmes.create(new ProgrammeForm(scene.city(), "先进单位", null, Set.of(HonoreeKind.TREE_ORGANIZATION),
				Set.of(HonourLevel.CITY), 2026, true, true, false, false, false, null, true, false, 5));
		Long membersOnly = programmes.create(ProgrammeForm.of(scene.city(), "优秀企业", 2026, HonourLevel.CITY));
		Long partyRule = programmes.create(new ProgrammeForm(scene.city(), "星级党组织", null, Set.of(HonoreeKind.TREE_ORGANIZATION),
				Set.of(HonourLevel.CITY), 2026, true, false, false, true, false, null, true, false, 5));
		programmes.setQuota(units, scene.county(), HonourLevel.CITY, 1);

		HonourScene.signIn(scene.account(scene.county(), Role.STAFF));
		Long nomination = nominations.nominateOrganization(form(units, scene.county(), scene.chamber()));
		assertThatThrownBy(() -> nominations.nominateOrganization(form(units, scene.county(), secondChamber)))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.quota.full")
			.hasFieldOrPropertyWithValue("field", "honoreeOrgId");
		assertThatThrownBy(() -> nominations.nominateOrganization(form(membersOnly, scene.county(), scene.chamber())))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.rule.kind");
		assertThatThrownBy(() -> nominations.nominateOrganization(form(partyRule, scene.county(), scene.chamber())))
			.isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("messageKey", "honour.rule.membersOnly");
		assertThatThrownBy(() -> nominations.nominateOrganization(form(units, scene.county(), scene.tree().chamber())))
			.isInstanceOf(RecordNotFoundException.class);
		Nomination n = nominations.get(nomination);
		assertThat(n.honoreeOrgId()).isEqualTo(scene.chamber());
		assertThat(n.membershipId()).isNull();
		assertThat(n.nomineeName()).isEqualTo("新华区先进单位商会" + scene.tree().tag());
		assertThat(n.nomineeOrgName()).isEqualTo("新华区工商联" + scene.tree().tag());

		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		nominations.accept(nomination, 1);
		nominations.publishNotice(units, HonourLevel.CITY);
		Long award = awards.award(nomination);
		Award made = awards.get(award);
		assertThat(made.honoreeOrgId()).isEqualTo(scene.chamber());
		assertThat(made.partyId()).isNull();
		assertThat(made.awardeeName()).isEqualTo("新华区先进单位商会" + scene.tree().tag());
		assertThat(awards.verify(made.certificateNumber())).hasValueSatisfying(v -> assertThat(v.revoked()).isFalse());
		assertThat(awards.rollOfOrganization(scene.chamber())).extracting(Award::id).containsExactly(award);
		// honoured once: the same organisation is refused for the programme's level again
		HonourScene.signIn(scene.account(scene.county(), Role.STAFF));
		assertThatThrownBy(() -> nominations.nominateOrganization(form(units, scene.county(), scene.chamber())))
			.isInstanceOf(RuleViolationException.class);
		HonourScene.signIn(scene.account(scene.city(), Role.STAFF));
		awards.revoke(award, "材料不实");
		assertThat(awards.verify(made.certificateNumber())).hasValueSatisfying(v -> assertThat(v.revoked()).isTrue());
	}

	private static OrganizationNominationForm form(Long programme, long nominator, long honoree) {
		return new OrganizationNominationForm(programme, HonourLevel.CITY, nominator, honoree, "年度工作突出", null);
	}

}
