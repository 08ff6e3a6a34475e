package org.chamberlink.casework;

import java.time.Clock;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How {@link CaseWorkflow} closes a locked case: rejected, resolved (with the amount recovered or
 * the mediation's agreement, {@link CaseResolved} published) or closed without result, each
 * refused unless the case's state allows it, written to the trail, told to the member, audited.
 */
@Component
class CaseClosing {

	private final JdbcClient jdbc;

	private final CaseRecords records;

	private final CaseAttachments attachments;

	private final CaseNotices notices;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	CaseClosing(JdbcClient jdbc, CaseRecords records, CaseAttachments attachments, CaseNotices notices,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.attachments = attachments;
		this.notices = notices;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Rejects a submitted case that is not being offered elsewhere. */
	void reject(CaseRecords.Locked kase, String reason) {
		CaseWorkflow.expect(kase, kase.state() == CaseState.SUBMITTED, "case.rejectOnlySubmitted");
		CaseWorkflow.expect(kase, kase.transferToOrgId() == null, "case.transferPending");
		String why = CaseInput.text(reason, 2000, "reason", "case.reasonRequired");
		close(kase, CaseState.REJECTED, CaseAction.REJECTED, why);
	}

	/**
	 * Resolves an accepted case. A complaint may record the amount recovered; a mediation resolves
	 * only by agreement, with its terms and the signed document (given here or attached before).
	 */
	void resolve(CaseRecords.Locked kase, ResolveForm form, Upload agreement) {
		Long id = kase.id();
		CaseWorkflow.expect(kase, kase.state().underway(), "case.resolveOnlyAccepted");
		CaseWorkflow.expect(kase, kase.transferToOrgId() == null, "case.transferPending");
		String outcome = CaseInput.text(form.outcome(), 5000, "outcome", "case.outcomeRequired");
		Long recovered = kase.kind() == CaseKind.COMPLAINT
				? CaseInput.amount(form.amountRecovered(), "amountRecovered", "case.amountRecovered") : null;
		String terms = null;
		if (kase.kind() == CaseKind.MEDIATION) {
			terms = CaseInput.text(form.agreementTerms(), 10000, "agreementTerms", "case.termsRequired");
			if (agreement != null && agreement.present()) {
				attachments.add(kase, "AGREEMENT", agreement);
			}
			else if (!attachments.hasAgreement(id)) {
				throw new RuleViolationException("agreement", "case.agreementDocumentRequired");
			}
		}
		jdbc.sql("""
				update service_case set outcome = :outcome, amount_recovered_fen = :recovered, agreement_terms = :terms,
				    mediation_result = case when kind = 'MEDIATION' then 'AGREEMENT' end
				where id = :id
				""").param("outcome", outcome).param("recovered", recovered).param("terms", terms).param("id", id).update();
		close(kase, CaseState.RESOLVED, CaseAction.RESOLVED, outcome);
		events.publishEvent(new CaseResolved(id, kase.kind(), kase.category(), kase.orgId(), kase.orgPath(), kase.partyId(),
				recovered, clock.instant()));
	}

	/** Closes an accepted case without result; a mediation names how it ended (failed, referred to court). */
	void closeUnresolved(CaseRecords.Locked kase, String reason, MediationResult mediationResult) {
		Long id = kase.id();
		CaseWorkflow.expect(kase, kase.state().underway(), "case.closeOnlyAccepted");
		CaseWorkflow.expect(kase, kase.transferToOrgId() == null, "case.transferPending");
		String why = CaseInput.text(reason, 5000, "outcome", "case.outcomeRequired");
		if (kase.kind() == CaseKind.MEDIATION && (mediationResult == null || mediationResult == MediationResult.AGREEMENT)) {
			throw new RuleViolationException("mediationResult", "case.mediationResultRequired");
		}
		jdbc.sql("update service_case set outcome = :outcome, mediation_result = :result where id = :id")
			.param("outcome", why)
			.param("result", kase.kind() == CaseKind.MEDIATION ? mediationResult.name() : null)
			.param("id", id)
			.update();
		close(kase, CaseState.UNRESOLVED, CaseAction.UNRESOLVED, why);
	}

	private void close(CaseRecords.Locked kase, CaseState to, CaseAction action, String comment) {
		jdbc.sql("update service_case set state = :state, closed_at = now(), version = version + 1 where id = :id")
			.param("state", to.name())
			.param("id", kase.id())
			.update();
		Long step = records.step(kase.id(), action, kase.state(), to, kase.orgId(), null, comment);
		notices.stateChanged(kase.id(), step);
		audit.record(AuditEntry.of("CASE_" + action).entity("Case", kase.id()).org(kase.orgId()));
	}

}
