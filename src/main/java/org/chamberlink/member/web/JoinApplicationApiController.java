package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.member.JoinApplication;
import org.chamberlink.member.JoinApplicationForm;
import org.chamberlink.member.JoinApplicationDecisions;
import org.chamberlink.member.JoinApplications;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;
import org.chamberlink.organization.Organizations;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Join applications of the caller's organisations: list, enter for an applicant, approve, reject. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize(RoleGroups.WORKERS)
@Tag(name = "join applications", description = "入会申请 / applications to join an organisation")
class JoinApplicationApiController {

	private final JoinApplications applications;

	private final JoinApplicationDecisions decisions;

	private final Organizations organizations;

	private final Members members;

	JoinApplicationApiController(JoinApplications applications, JoinApplicationDecisions decisions, Organizations organizations, Members members) {
		this.applications = applications;
		this.decisions = decisions;
		this.organizations = organizations;
		this.members = members;
	}

	@GetMapping("/join-applications")
	@Operation(summary = "Applications in your subtree (status SUBMITTED, APPROVED or REJECTED; blank for all)")
	Page<JoinApplication> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page) {
		return applications.search(status, PageRequest.of(Math.max(page, 0), 50));
	}

	@GetMapping("/join-applications/{id}")
	@Operation(summary = "One application")
	JoinApplication get(@PathVariable Long id) {
		return applications.get(id);
	}

	@PostMapping("/organizations/{orgId}/join-applications")
	@Operation(summary = "Enter an application received on paper for one of your organisations")
	ResponseEntity<JoinApplication> enter(@PathVariable Long orgId, @RequestBody JoinApplicationForm form) {
		organizations.get(orgId);
		String token = applications.submit(orgId, form);
		return ResponseEntity.status(201).body(applications.byToken(token));
	}

	@PostMapping("/join-applications/{id}/approve")
	@Operation(summary = "Approve: the applicant becomes a member (role defaults to MEMBER, joinedOn to today)")
	PartyDetails approve(@PathVariable Long id, @RequestBody(required = false) Decision decision) {
		Decision d = decision == null ? new Decision(null, null, null) : decision;
		return members.get(decisions.approve(id, d.role(), d.joinedOn()));
	}

	@PostMapping("/join-applications/{id}/reject")
	@Operation(summary = "Reject with a reason the applicant will read")
	JoinApplication reject(@PathVariable Long id, @RequestBody Decision decision) {
		decisions.reject(id, decision.reason());
		return applications.get(id);
	}

	record Decision(MemberRole role, LocalDate joinedOn, String reason) {
	}

}
