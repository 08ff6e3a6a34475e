package org.chamberlink.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.chamberlink.audit.AuditAction;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.audit.Change;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.privacy.PersonalData;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Editing a party, checked by the same rules as a new member and audited with before and after.
 * Two kinds of data, two rules (decision 0019): the shared facts (name, codes, legal
 * representative, industry …) change only for an account whose subtree covers every membership of
 * the party; the phone is the caller's own copy, changed in its subtree only. A credit code or
 * identity number that a party outside the subtree has attaches the memberships to that party, as
 * entering a new member with it would, instead of naming the other holder.
 */
@Service
public class PartyUpdates {

	private final Members members;

	private final MemberRules rules;

	private final PersonalData personalData;

	private final PartyRecords records;

	private final AuditTrail audit;

	private final PartyContacts contacts;

	private final PartyMerger merger;

	private final ProposalRecords proposals;

	private final Clock clock;

	PartyUpdates(Members members, MemberRules rules, PersonalData personalData, PartyRecords records, AuditTrail audit,
			PartyContacts contacts, PartyMerger merger, ProposalRecords proposals, Clock clock) {
		this.members = members;
		this.rules = rules;
		this.personalData = personalData;
		this.records = records;
		this.audit = audit;
		this.contacts = contacts;
		this.merger = merger;
		this.proposals = proposals;
		this.clock = clock;
	}

	/**
	 * What an edit did: the party's id afterwards (another one's when a registered code attached it
	 * there), and the proposal made when the shared facts are not the caller's to change.
	 */
	public record Outcome(Long partyId, Long proposalId) {
	}

	@Transactional
	public Outcome update(Long partyId, PartyChanges changes) {
		PartyDetails before = members.get(partyId);
		// an organisation of the tree is changed on its own page; an outside body here (decision 31)
		if (before.kind() == PartyKind.GROUP && before.groupOrgId() != null) {
			throw new RuleViolationException("name", "member.groupNotEditable");
		}
		if (before.kind() == PartyKind.GROUP && !StringUtils.hasText(changes.name())
				&& !StringUtils.hasText(changes.creditCode())) {
			throw new RuleViolationException("name", "member.nameRequired");
		}
		List<FieldProblem> problems = rules
			.check(changes.asNewMember(before.kind(), LocalDate.now(clock)), OrganizationType.FEDERATION)
			.stream()
			.filter(problem -> !problem.field().equals("orgId") && !problem.field().equals("groupOrgId"))
			.toList();
		if (!problems.isEmpty()) {
			throw problems.get(0).toException();
		}
		long version = changes.version() == null ? before.version() : changes.version();
		if (version != before.version()) {
			throw new RuleViolationException("name", "member.staleVersion");
		}
		String changedShared = SharedFacts.firstChanged(before, changes);
		if (changedShared == null && records.newIdentityNumber(before, changes)) {
			changedShared = "idNumber";
		}
		Long proposal = null;
		if (changedShared != null && !members.coversEveryMembership(partyId)) {
			// another holder shows these facts too: their common federation decides (the phone is ours)
			proposal = proposals.propose(before, SharedFacts.withoutContacts(changes, before.version()));
			changedShared = null;
		}
		Long result = partyId;
		if (changedShared != null) {
			Long registered = registeredElsewhere(before, changes).orElse(null);
			if (registered != null) {
				// the code is an enterprise's (a person's) outside the subtree: attach, as a new entry would
				merger.merge(registered, partyId, before.name(), members.callerOrgId());
				result = registered;
			}
			else {
				records.writeShared(partyId, before, changes);
			}
		}
		if (Boolean.TRUE.equals(changes.clearPhone())) {
			contacts.setPhone(result, members.scope(), PersonalValues.NONE);
		}
		else if (changes.phone() != null && !changes.phone().isBlank()) {
			contacts.setPhone(result, members.scope(), PersonalValues.phone(personalData, changes.phone()));
		}
		PartyDetails after = members.get(result);
		Map<String, Change> sharedChanges = Change.between(SharedFacts.audited(before), SharedFacts.audited(after));
		if (!sharedChanges.isEmpty() && result.equals(partyId)) {
			// every holder reads this entry: it says what changed in the facts they all show
			audit.record(AuditEntry.of(PartyHistory.SHARED_UPDATE)
				.entity("Party", result)
				.org(members.callerOrgId())
				.changes(sharedChanges));
		}
		if (!Objects.equals(before.phoneMasked(), after.phoneMasked())) {
			audit.record(AuditEntry.of(AuditAction.UPDATE)
				.entity("Party", result)
				.org(members.callerOrgId())
				.changes(Map.of("phone", new Change(before.phoneMasked(), after.phoneMasked()))));
		}
		return new Outcome(result, proposal);
	}

	/**
	 * A party outside the caller's subtree that already has the new credit code or identity
	 * number. One inside it is a real conflict, said as such: the caller sees both.
	 */
	private Optional<Long> registeredElsewhere(PartyDetails before, PartyChanges changes) {
		Optional<Long> holder = records.holderOfKey(before, changes);
		if (holder.isPresent() && members.find(holder.get()).isPresent()) {
			throw new RuleViolationException(before.kind() == PartyKind.PERSON ? "idNumber" : "creditCode",
					"member.keyTaken");
		}
		return holder;
	}

}
