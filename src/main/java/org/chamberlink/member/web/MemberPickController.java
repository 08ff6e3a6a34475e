package org.chamberlink.member.web;

import java.util.List;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.web.Pick;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member picker's search (js/picker.js), a helper of the pages under the signed-in session,
 * not part of the API: at most {@link Pick#MOST} current members of the
 * caller's subtree; a member of another subtree is not found, as a name that exists nowhere.
 * {@code enterprises=true}: enterprises only, each chosen by its credit code.
 */
@RestController
class MemberPickController {

	private final MemberPicks picks;

	MemberPickController(MemberPicks picks) {
		this.picks = picks;
	}

	@GetMapping("/pick/members")
	@PreAuthorize(RoleGroups.WORKERS)
	List<Pick> members(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean enterprises) {
		return picks.matching(q, enterprises);
	}

}
