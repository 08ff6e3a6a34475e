package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.audit.AuditRecord;
import org.chamberlink.member.Industries;
import org.chamberlink.member.Industry;
import org.chamberlink.member.MemberFilter;
import org.chamberlink.member.MemberRegistration;
import org.chamberlink.member.MembershipChanges;
import org.chamberlink.member.PartyHistory;
import org.chamberlink.member.PartyUpdates;
import org.chamberlink.member.MemberRow;
import org.chamberlink.member.Members;
import org.chamberlink.member.MembershipChange;
import org.chamberlink.member.MembershipView;
import org.chamberlink.member.NewMember;
import org.chamberlink.member.PartyChanges;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.member.PersonalDataReveal;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members within the caller's data scope; anything outside it answers 404. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "members", description = "会员：企业、个人、团体会员与会籍 / parties and memberships")
class MemberApiController {


	private final Members members;

	private final MemberRegistration registration;

	private final MembershipChanges membershipChanges;

	private final PartyUpdates partyUpdates;

	private final PersonalDataReveal reveal;

	private final Industries industries;

	private final PartyHistory history;

	MemberApiController(Members members, MemberRegistration registration, MembershipChanges membershipChanges,
			PartyUpdates partyUpdates, PersonalDataReveal reveal, Industries industries, PartyHistory history) {
		this.members = members;
		this.registration = registration;
		this.membershipChanges = membershipChanges;
		this.partyUpdates = partyUpdates;
		this.reveal = reveal;
		this.industries = industries;
		this.history = history;
	}

	@GetMapping("/members")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Memberships in your subtree, filtered, sorted and paged (phones masked)")
	Page<MemberRow> list(@ParameterObject MemberFilter filter, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return members.search(filter, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
	}

	@PostMapping("/members")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Enter a member: the party (entered once, found by credit code or identity number) and its membership")
	ResponseEntity<PartyDetails> create(@RequestBody NewMember member) {
		Long partyId = registration.register(member);
		return ResponseEntity.created(URI.create("/api/v1/parties/" + partyId)).body(members.get(partyId));
	}

	@GetMapping("/parties/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "One party of your subtree (identity number and phone masked)")
	PartyDetails party(@PathVariable Long id) {
		return members.get(id);
	}

	@PutMapping("/parties/{id}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Change a party's data; send the version you read; blank identity number or phone keeps the stored one. "
			+ "The phone is your organisations' own copy. Registered facts shared with organisations outside your subtree "
			+ "are proposed instead (202, Location of the proposal) for the federation over every holder to decide")
	ResponseEntity<PartyDetails> update(@PathVariable Long id, @RequestBody PartyChanges changes) {
		PartyUpdates.Outcome outcome = partyUpdates.update(id, changes);
		if (outcome.proposalId() != null) {
			// the registered facts are shared with holders outside the subtree: proposed, not yet changed
			return ResponseEntity.accepted()
				.location(URI.create("/api/v1/party-change-proposals/" + outcome.proposalId()))
				.body(members.get(outcome.partyId()));
		}
		return ResponseEntity.ok(members.get(outcome.partyId()));
	}

	@GetMapping("/parties/{id}/memberships")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The party's memberships in your subtree, current first")
	List<MembershipView> memberships(@PathVariable Long id) {
		members.get(id);
		return members.memberships(id);
	}

	@PutMapping("/memberships/{id}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Change role or tier (a tier other than the role's needs a reason), or end the membership (leftOn + leaveReason)")
	MembershipView change(@PathVariable Long id, @RequestBody MembershipChange change) {
		membershipChanges.change(id, change);
		return members.membership(id);
	}

	@PostMapping("/parties/{id}/reveal")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "The full identity number or phone (field=ID_NUMBER or PHONE); every call is audited")
	RevealedValue reveal(@PathVariable Long id, @RequestParam PersonalDataReveal.Field field) {
		return new RevealedValue(field.name(), reveal.reveal(id, field));
	}

	@GetMapping("/parties/{id}/history")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Changes to this party your organisations recorded, and changes of its registered facts, newest first")
	Page<AuditRecord> history(@PathVariable Long id, @RequestParam(defaultValue = "0") int page) {
		return history.of(id, PageRequest.of(Math.max(page, 0), 50));
	}

	@GetMapping("/industries")
	@Operation(summary = "GB/T 4754-2017 sections (A–T) and divisions (01–97)")
	List<Industry> industries() {
		return industries.all();
	}

	record RevealedValue(String field, String value) {
	}

}
