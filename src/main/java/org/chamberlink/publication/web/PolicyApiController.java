package org.chamberlink.publication.web;

import java.net.URI;
import java.util.List;

import org.chamberlink.identity.RoleGroups;
import org.chamberlink.publication.Policies;
import org.chamberlink.publication.PolicyFilter;
import org.chamberlink.publication.PolicyInput;
import org.chamberlink.publication.PolicyTopic;
import org.chamberlink.publication.PolicyView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy library: search, enter, publish (a neighbour's draft answers 404). */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "policies", description = "政策法规库 / policy library")
class PolicyApiController {

	private final Policies policies;

	PolicyApiController(Policies policies) {
		this.policies = policies;
	}

	@GetMapping
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Searches the published library and the caller's drafts (at most 100, newest first); keyword in Chinese "
			+ "by bigrams; industryCode a GB/T 4754 section or division; regionCode a division code; validOnly: in force today")
	List<PolicyView> search(@RequestParam(required = false) String keyword, @RequestParam(required = false) String industryCode,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) PolicyTopic topic,
			@RequestParam(defaultValue = "false") boolean validOnly) {
		return policies.search(new PolicyFilter(keyword, industryCode, regionCode, topic, validOnly));
	}

	@PostMapping
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Enters a policy as a draft; dates as 2026-12-05")
	ResponseEntity<PolicyView> create(@RequestBody PolicyInput input) {
		Long id = policies.create(input);
		return ResponseEntity.created(URI.create("/api/v1/policies/" + id)).body(policies.get(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(RoleGroups.READERS)
	PolicyView get(@PathVariable Long id) {
		return policies.get(id);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Publishes a draft; subscribers it applies to are mailed through the outbox")
	PolicyView publish(@PathVariable Long id) {
		policies.publish(id);
		return policies.get(id);
	}

}
