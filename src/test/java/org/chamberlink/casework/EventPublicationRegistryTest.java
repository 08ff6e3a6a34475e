package org.chamberlink.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chamberlink.dues.DuesCollected;
import org.chamberlink.dues.PaymentMethod;
import org.chamberlink.dues.PaymentRecorded;
import org.chamberlink.dues.PaymentReversed;
import org.chamberlink.identity.AccountManagement;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.ApiTokens;
import org.chamberlink.identity.Role;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.MembershipEnded;
import org.chamberlink.member.MembershipStarted;
import org.chamberlink.member.MembershipsImported;
import org.chamberlink.organization.ChamberKind;
import org.chamberlink.organization.OrganizationDissolved;
import org.chamberlink.organization.OrganizationMoved;
import org.chamberlink.organization.OrganizationRegistered;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.support.IntegrationTest;
import org.chamberlink.support.MemberFixture;
import org.chamberlink.support.OrganizationFixture;
import org.chamberlink.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event publication registry (decision 22): an event published in a committed transaction is
 * written to {@code event_publication} with it, stays there while its listener fails, and reaches
 * the listener when resubmitted — by hand, or by what the application does at start-up. A
 * rolled-back transaction publishes nothing. Every event the modules publish survives the trip
 * through the registry's serialisation.
 */
@IntegrationTest
@Tag("database")
class EventPublicationRegistryTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseFiling filing;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	EventSerializer serializer;

	@Autowired
	RegistryProbeListener probe;

	long chamber;

	long party;

	@BeforeEach
	void aChamberWithAMember() {
		OrganizationFixture fixture = new OrganizationFixture(port, accountManagement, tokens, jdbc);
		long province = fixture.federation("PROVINCE", "登记簿测试省" + System.nanoTime(), "13", null);
		long county = fixture.federation("COUNTY", "桥西区工商联", "130104", province);
		chamber = fixture.chamber("INDUSTRY", "桥西区五金商会", "130104", county);
		party = MemberFixture.person(port, fixture.tokenIn(chamber, Role.CHAMBER_ADMIN), chamber, "赵立新",
				MemberFixture.identityNumber(), MemberFixture.phone());
		AccountPrincipal staff = new TestAccounts(accountManagement).createIn(chamber, Role.STAFF);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPublicationWhoseListenerFailedStaysIncompleteAndIsCompletedWhenResubmitted() {
		Long id = acceptedNeed();
		probe.failFor(id);
		resolveAndCommit(id);

		await().atMost(PATIENCE).until(() -> publication(id), row -> "FAILED".equals(row.get("status")));
		assertThat(publication(id).get("completion_date")).isNull();
		assertThat(probe.received(id)).isFalse();

		probe.recover(id);
		incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof CaseResolved event
				&& event.caseId().equals(id));

		await().atMost(PATIENCE).until(() -> probe.received(id));
		// completed publications are deleted (completion-mode: delete)
		await().atMost(PATIENCE).until(() -> publication(id).isEmpty());
	}

	@Test
	void whatTheApplicationDoesAtStartUpHandsOutstandingPublicationsToTheirListeners() {
		Long id = acceptedNeed();
		probe.failFor(id);
		resolveAndCommit(id);
		await().atMost(PATIENCE).until(() -> publication(id), row -> "FAILED".equals(row.get("status")));

		// The process is back (the failing cause is gone) and starts: the multicaster's start-up hook
		// resubmits what is outstanding because republish-outstanding-events-on-restart is set.
		probe.recover(id);
		((SmartInitializingSingleton) incomplete).afterSingletonsInstantiated();

		await().atMost(PATIENCE).until(() -> probe.received(id));
		await().atMost(PATIENCE).until(() -> publication(id).isEmpty());
	}

	@Test
	void aRolledBackTransactionLeavesNoPublication() {
		Long id = acceptedNeed();
		transactions.executeWithoutResult(status -> {
			workflow.resolve(id, new ResolveForm("已对接", null, null), null);
			assertThat(publication(id)).containsEntry("status", "PUBLISHED");
			status.setRollbackOnly();
		});
		assertThat(publication(id)).isEmpty();
		assertThat(probe.received(id)).isFalse();
	}

	@Test
	void everyPublishedEventSurvivesTheRegistrysSerialisation() {
		Instant now = Instant.parse("2026-11-28T08:00:00Z");
		LocalDate today = LocalDate.of(2026, 11, 28);
		List<Object> events = List.of(
				new CaseResolved(1L, CaseKind.COMPLAINT, CaseCategory.ARBITRARY_CHARGES, 2L, "/1/2/", 3L, 80_000L, now),
				new CaseReopened(1L, CaseKind.NEED, CaseCategory.FINANCING, 2L, "/1/2/", 3L, CaseState.RESOLVED, now),
				new VisitCompleted(4L, 2L, "/1/2/", 3L, today, 2),
				new PaymentRecorded(5L, 6L, 7L, 3L, 2L, "/1/2/", 2026, 60_000L, 50_000L, 10_000L, PaymentMethod.WECHAT, today),
				new PaymentReversed(8L, 5L, 6L, 7L, 3L, 2L, "/1/2/", 2026, 60_000L, 50_000L, 10_000L, today),
				new DuesCollected(6L, 7L, 3L, 2L, "/1/2/", 2026, 50_000L, 40_000L, 10_000L, 9L, today),
				new MembershipStarted(7L, 3L, 2L, "/1/2/", MemberRole.DIRECTOR, today),
				new MembershipEnded(7L, 3L, 2L, "/1/2/", today),
				new MembershipsImported(10L, 2L, "/1/2/", List.of(new MembershipsImported.Started(7L, 3L, MemberRole.MEMBER,
						today))),
				new OrganizationRegistered(2L, "/1/2/", 1L, OrganizationType.CHAMBER, ChamberKind.INDUSTRY, "130104", "商会"),
				new OrganizationMoved(2L, "/1/2/", "/11/2/", 1L, 11L),
				new OrganizationDissolved(2L, "/1/2/", 1L, OrganizationType.CHAMBER, now));
		for (Object event : events) {
			assertThat(serializer.deserialize(serializer.serialize(event), event.getClass())).isEqualTo(event);
		}
	}

	private Long acceptedNeed() {
		Long id = filing.file(CaseForm.of(CaseCategory.FINANCING, chamber, party, "贷款", "流动资金贷款 20 万元"));
		workflow.accept(id, null, null);
		return id;
	}

	private void resolveAndCommit(Long id) {
		transactions.executeWithoutResult(status -> workflow.resolve(id, new ResolveForm("已对接银行", null, null), null));
	}

	/** This case's publication to the probe listener, or an empty map when there is none. */
	private Map<String, Object> publication(Long caseId) {
		return jdbc.sql("""
				select status, completion_date from event_publication
				where listener_id like '%RegistryProbeListener%' and (serialized_event::jsonb ->> 'caseId')::bigint = :id
				""")
			.param("id", caseId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of());
	}

}
