package org.chamberlink.member.web;

import org.chamberlink.identity.RoleGroups;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.chamberlink.member.DuplicateCandidate;
import org.chamberlink.member.MemberDuplicates;
import org.chamberlink.member.Members;
import org.chamberlink.member.PartyDetails;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The duplicate report and merging through the API; refusals are problem details like every API answer. */
@RestController
@PreAuthorize(RoleGroups.ADMINS)
class DuplicatesApiController {

	private final MemberDuplicates duplicates;

	private final Members members;

	DuplicatesApiController(MemberDuplicates duplicates, Members members) {
		this.duplicates = duplicates;
		this.members = members;
	}

	@GetMapping("/api/v1/members/duplicates")
	@Operation(summary = "Likely duplicates in your subtree: same phone, or very similar names in one region", tags = "members")
	List<DuplicateCandidate> report() {
		return duplicates.report();
	}

	@PostMapping("/api/v1/parties/{id}/merge")
	@Operation(summary = "Merge duplicates into this party: memberships and links move, duplicates are marked merged. "
			+ "Only an account whose subtree covers every membership of each party may merge", tags = "members")
	PartyDetails merge(@PathVariable Long id, @RequestBody MergeRequest request) {
		duplicates.merge(id, request.duplicateIds() == null ? List.of() : request.duplicateIds());
		return members.get(id);
	}

	record MergeRequest(List<Long> duplicateIds) {
	}

}
