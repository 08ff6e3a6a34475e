package org.chamberlink.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A statistical return against the database: pre-filled from the chamber's real records, typed cells
 * refused by a parts-sum check writing nothing, the seeds' inconsistencies caught, an adjustment
 * needing its reason, the deadline, the county returning once and accepting, the accepted return a
 * snapshot later records do not move, and the county's return consolidating it; a neighbour sees
 * none of it and a level above the county cannot review it.
 */
@IntegrationTest
@Tag("database")
class ReportWorkflowTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatisticalReturns returns;

	@Autowired
	MessageSource messages;

	TestTree tree;

	AccountPrincipal chamber;

	AccountPrincipal county;

	@BeforeEach
	void plant() {
		tree = new OrganizationFixture(port, accountManagement, tokens, jdbc).tree("年报");
		chamber = tree.account(tree.chamber(), Role.CHAMBER_ADMIN);
		county = tree.account(tree.county(), Role.FEDERATION_ADMIN);
		String token = tree.token(tree.chamber(), Role.CHAMBER_ADMIN);
		MemberFixture.enterprise(port, token, tree.chamber(), "年报企业" + tree.tag(), MemberFixture.creditCode(), MemberFixture.phone());
		MemberFixture.person(port, token, tree.chamber(), "年报会员", MemberFixture.identityNumber(), MemberFixture.phone());
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static void signIn(AccountPrincipal account) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

	static int year() {
		return LocalDate.now(ChinaTime.ZONE).getYear();
	}

	static RuleViolationException refused(Runnable step, String key) {
		RuleViolationException e = catchThrowableOfType(RuleViolationException.class, step::run);
		assertThat(e).as("refused with " + key).isNotNull();
		assertThat(e.messageKey()).isEqualTo(key);
		return e;
	}

	String message(RuleViolationException e) {
		return messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE);
	}

	static Map<String, String> typed(String... pairs) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	Map<String, String> staff() {
		return typed("org.staff", "5", "org.staffFullTime", "3", "org.staffPartTime", "2", "org.staffGovFunded", "1",
				"org.fiveHas", "1", "mem.joined", "2", "mem.left", "0");
	}

	@Test
	void aChamberReturnIsPrefilledCheckedSubmittedReturnedAcceptedAndConsolidated() {
		signIn(chamber);
		Long id = returns.open(year(), null);
		assertThat(returns.open(year(), null)).isEqualTo(id);
		Map<String, CellValue> cells = returns.cells(id);
		assertThat(cells.get("org.chambers").recorded()).isEqualTo(1L);
		assertThat(cells.get("org.industry").value()).isEqualTo(1L);
		assertThat(cells.get("mem.total").value()).isEqualTo(2L);
		assertThat(cells.get("mem.enterprises").value()).isEqualTo(1L);
		assertThat(cells.get("mem.persons").value()).isEqualTo(1L);
		assertThat(cells.get("mem.partyMembers").value()).isEqualTo(1L);
		assertThat(cells.get("org.staff").value()).isNull();
		assertThat(returns.findings(id)).isEmpty();

		// a staff figure whose parts do not add up: refused, naming the cell, nothing written
		Map<String, String> wrong = staff();
		wrong.put("org.staffPartTime", "3");
		RuleViolationException e = refused(() -> returns.save(id, wrong, Map.of()), "report.check.partsSum");
		assertThat(e.field()).isEqualTo("cell.org.staff");
		assertThat(message(e)).contains("工作人员").contains("5").contains("6");
		assertThat(returns.cells(id).get("org.staffFullTime").value()).isNull();
		// typed nonsense and an adjustment without its reason
		refused(() -> returns.save(id, typed("org.staff", "五"), Map.of()), "report.cell.countInvalid");
		refused(() -> returns.save(id, typed("mem.total", "3", "mem.persons", "2"), Map.of()), "report.cell.reasonRequired");
		// submitting before the typed cells are in
		refused(() -> returns.submit(id, Map.of()), "report.submit.typedMissing");

		returns.save(id, staff(), Map.of());
		assertThat(returns.cells(id).get("org.staff").value()).isEqualTo(5L);
		// an adjustment with its reason shows as one
		Map<String, String> groupMember = typed("mem.total", "3", "mem.groups", "1", "mem.local", "3");
		RuleViolationException noReason = refused(() -> returns.save(id, groupMember,
				typed("mem.total", "一个团体会员未录入", "mem.groups", "同上")), "report.cell.reasonRequired");
		assertThat(noReason.field()).isEqualTo("reason.mem.local");
		returns.save(id, groupMember, typed("mem.total", "一个团体会员未录入", "mem.groups", "同上", "mem.local", "团体会员为本地"));
		assertThat(returns.cells(id).get("mem.total").adjusted()).isTrue();
		assertThat(returns.cells(id).get("mem.total").reason()).isEqualTo("一个团体会员未录入");

		// the county sets a deadline already past: submission refused, the board says late
		signIn(county);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		if (today.getDayOfYear() > 1) {
			returns.setDeadline(year(), today.minusDays(1));
			assertThat(returns.board(tree.county(), year())).extracting(BoardRow::status).containsExactly(ReturnStatus.LATE);
			signIn(chamber);
			refused(() -> returns.submit(id, Map.of()), "report.submit.pastDeadline");
			signIn(county);
		}
		returns.setDeadline(year(), today.plusDays(10));
		assertThat(returns.board(tree.county(), year())).extracting(BoardRow::status).containsExactly(ReturnStatus.DRAFT);

		signIn(chamber);
		returns.submit(id, Map.of());
		assertThat(returns.get(id).status()).isEqualTo(ReturnStatus.SUBMITTED);
		refused(() -> returns.save(id, staff(), Map.of()), "report.notEditable");
		refused(() -> returns.accept(id), "report.review.notYourLevel");

		// a level above the county, and a neighbour county
		signIn(tree.account(tree.province(), Role.FEDERATION_ADMIN));
		refused(() -> returns.accept(id), "report.review.notYourLevel");
		signIn(tree.account(tree.neighbourCounty(), Role.FEDERATION_ADMIN));
		assertThatThrownBy(() -> returns.accept(id)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> returns.get(id)).isInstanceOf(RecordNotFoundException.class);
		assertThat(returns.find(tree.chamber(), year())).isEmpty();

		// the county returns it once, with a reason
		signIn(county);
		refused(() -> returns.returnForChanges(id, " "), "report.return.reasonRequired");
		returns.returnForChanges(id, "财政供养人数请核实");
		assertThat(returns.get(id).status()).isEqualTo(ReturnStatus.RETURNED);
		assertThat(returns.board(tree.county(), year())).extracting(BoardRow::status).containsExactly(ReturnStatus.RETURNED);
		signIn(chamber);
		returns.save(id, typed("org.staffGovFunded", "2"), Map.of());
		returns.submit(id, Map.of());
		signIn(county);
		returns.accept(id);
		assertThat(returns.get(id).status()).isEqualTo(ReturnStatus.ACCEPTED);
		assertThat(returns.steps(id)).extracting(ReturnStep::action)
			.containsExactly("OPENED", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED");
		assertThat(returns.board(tree.county(), year())).extracting(BoardRow::status).containsExactly(ReturnStatus.ACCEPTED);

		// a snapshot: a new member later does not move it, nor can it be pre-filled again
		MemberFixture.person(port, tree.token(tree.chamber(), Role.CHAMBER_ADMIN), tree.chamber(), "后来的会员",
				MemberFixture.identityNumber(), MemberFixture.phone());
		signIn(chamber);
		refused(() -> returns.refresh(id, null), "report.notEditable");
		assertThat(returns.cells(id).get("mem.persons").value()).isEqualTo(1L);
		assertThat(returns.cells(id).get("mem.total").value()).isEqualTo(3L);

		// the county's own return: the accepted chamber return plus the county's own records
		signIn(county);
		Long countyReturn = returns.open(year(), null);
		Map<String, CellValue> consolidated = returns.cells(countyReturn);
		assertThat(consolidated.get("org.chambers").recorded()).isEqualTo(1L);
		assertThat(consolidated.get("mem.total").recorded()).isEqualTo(3L);
		assertThat(consolidated.get("mem.persons").recorded()).isEqualTo(1L);
		assertThat(consolidated.get("org.staff").value()).isEqualTo(5L);
		assertThat(consolidated.get("org.staffGovFunded").value()).isEqualTo(2L);
		assertThat(returns.acceptedBelow(countyReturn, "mem.total")).extracting(StatisticalReturns.BelowValue::value)
			.containsExactly(3L);
	}

	@Test
	void aLevelPrefillsEveryReturnBelowItAsEachWouldOpenIt() {
		signIn(county);
		assertThat(returns.prefillBelow(year(), null)).isEqualTo(1);
		assertThat(returns.prefillBelow(year(), null)).as("opened once").isZero();
		signIn(chamber);
		Long id = returns.find(tree.chamber(), year()).orElseThrow().id();
		assertThat(returns.open(year(), null)).isEqualTo(id);
		Map<String, Long> expected = returns.recorded(organizations.get(tree.chamber()), year(), returns.get(id).asOf());
		Map<String, CellValue> cells = returns.cells(id);
		expected.forEach((key, value) -> assertThat(cells.get(key).recorded()).as(key).isEqualTo(value));
		assertThat(cells.get("mem.total").value()).isEqualTo(2L);
		assertThat(returns.steps(id)).hasSize(1);
		// a neighbour's subtree is not touched
		signIn(county);
		assertThat(jdbc.sql("select count(*) from report_return where org_id = :o").param("o", tree.neighbour()).query(Long.class).single())
			.isZero();
	}

	@Autowired
	org.chamberlink.organization.Organizations organizations;

	@Test
	void theSeedsInconsistenciesTypedInAreBothCaught() {
		signIn(chamber);
		Long id = returns.open(year(), null);
		// seed 001: 14 chambers whose kinds sum to 18
		RuleViolationException chambers = refused(() -> returns.save(id,
				typed("org.chambers", "14", "org.township", "3", "org.industry", "5", "org.regional", "4", "org.outOfTown", "4",
						"org.village", "2"),
				typed("org.chambers", "按年报材料", "org.township", "按年报材料", "org.industry", "按年报材料", "org.regional", "按年报材料",
						"org.outOfTown", "按年报材料", "org.village", "按年报材料")),
				"report.check.partsSum");
		assertThat(chambers.field()).isEqualTo("cell.org.chambers");
		assertThat(message(chambers)).isEqualTo("基层商会总数（14）与其分项之和（18）不一致");
		// seed 004: 880 members whose kinds sum to 900
		RuleViolationException members = refused(() -> returns.save(id,
				typed("mem.total", "880", "mem.enterprises", "700", "mem.persons", "150", "mem.groups", "50"),
				typed("mem.total", "按年报材料", "mem.enterprises", "按年报材料", "mem.persons", "按年报材料", "mem.groups", "按年报材料")),
				"report.check.partsSum");
		assertThat(members.field()).isEqualTo("cell.mem.total");
		assertThat(message(members)).isEqualTo("会员总数（880）与其分项之和（900）不一致");
		// nothing of either was written
		assertThat(returns.cells(id).get("org.chambers").value()).isEqualTo(1L);
		assertThat(returns.cells(id).get("mem.total").value()).isEqualTo(2L);

		// the same figures through the checks alone: both caught at once, and a rate above 100 %
		Map<String, Long> values = new HashMap<>();
		values.put("org.chambers", 14L);
		values.putAll(Map.of("org.township", 3L, "org.industry", 5L, "org.regional", 4L, "org.outOfTown", 4L, "org.village", 2L));
		values.putAll(Map.of("mem.total", 880L, "mem.enterprises", 700L, "mem.persons", 150L, "mem.groups", 50L));
		values.putAll(Map.of("dues.billed", 100L, "dues.paid", 150L));
		List<Finding> findings = ReturnChecks.run(values, Map.of(), 30, Map.of());
		assertThat(findings).extracting(Finding::key).contains(
				"sum.org.chambers.org.township+org.industry+org.regional+org.outOfTown+org.village",
				"sum.mem.total.mem.enterprises+mem.persons+mem.groups", "rate.dues.rate");
		// a change beyond the share from last year: a warning, not an error
		List<Finding> warned = ReturnChecks.run(Map.of("act.held", 20L), Map.of("act.held", 10L), 30, Map.of());
		assertThat(warned).singleElement().satisfies(w -> {
			assertThat(w.error()).isFalse();
			assertThat(w.key()).isEqualTo("yoy.act.held");
		});
	}

	@Test
	void aChangeBeyondTheShareFromLastYearNeedsACommentAndTwoSnapshotsCompare() {
		signIn(chamber);
		Long last = returns.open(year() - 1, null);
		returns.save(last, typed("org.staff", "2", "org.staffFullTime", "1", "org.staffPartTime", "1", "org.staffGovFunded", "0",
				"org.fiveHas", "1", "mem.joined", "2", "mem.left", "0"), Map.of());
		returns.submit(last, Map.of());
		signIn(county);
		returns.accept(last);

		signIn(chamber);
		Long id = returns.open(year(), null);
		List<Finding> warnings = returns.save(id, staff(), Map.of());
		assertThat(warnings).extracting(Finding::key).contains("yoy.org.staff");
		assertThat(warnings).allMatch(finding -> !finding.error());
		RuleViolationException e = refused(() -> returns.submit(id, Map.of()), "report.submit.commentRequired");
		assertThat(e.field()).startsWith("comment.yoy.");
		Map<String, String> comments = new HashMap<>();
		returns.findings(id).forEach(finding -> comments.put(finding.key(), "本年新增专职人员"));
		returns.submit(id, comments);
		assertThat(returns.findings(id)).allSatisfy(finding -> assertThat(finding.comment()).isEqualTo("本年新增专职人员"));
		refused(() -> returns.compare(id, null), "report.compare.notAccepted");
		signIn(county);
		returns.accept(id);
		List<StatisticalReturns.Comparison> rows = returns.compare(id, null);
		assertThat(rows).filteredOn(row -> row.cell().key().equals("org.staff")).singleElement().satisfies(row -> {
			assertThat(row.before()).isEqualTo(2L);
			assertThat(row.after()).isEqualTo(5L);
			assertThat(row.change()).isEqualTo("+150.00 %");
		});
	}

}
