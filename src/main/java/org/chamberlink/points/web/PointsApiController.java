package org.chamberlink.points.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.points.PointBackfill;
import org.chamberlink.points.PointClaim;
import org.chamberlink.points.PointClaims;
import org.chamberlink.points.PointLedger;
import org.chamberlink.points.PointLevel;
import org.chamberlink.points.PointRanking;
import org.chamberlink.points.PointRule;
import org.chamberlink.points.PointRuleForm;
import org.chamberlink.points.PointRules;
import org.chamberlink.points.PointStanding;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Chamber points over the API: rules, rankings, an organisation's standing and entries, claims, back-fill. */
@RestController
@RequestMapping("/api/v1/points")
@Tag(name = "points", description = "商会微积分 / chamber points")
class PointsApiController {

	record Active(Boolean active) {
	}

	record Period(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
	}

	record Written(int entries) {
	}

	record Rejection(String reason) {
	}

	private final PointRules rules;

	private final PointLedger ledger;

	private final PointClaims claims;

	private final PointBackfill backfill;

	private final java.time.Clock clock;

	PointsApiController(PointRules rules, PointLedger ledger, PointClaims claims, PointBackfill backfill, java.time.Clock clock) {
		this.clock = clock;
		this.rules = rules;
		this.ledger = ledger;
		this.claims = claims;
		this.backfill = backfill;
	}

	@GetMapping("/rules")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "The rules set within the caller's subtree and those above that score it")
	List<PointRule> rules() {
		return rules.visible();
	}

	@GetMapping("/rules/{id}")
	@PreAuthorize(RoleGroups.READERS)
	PointRule rule(@PathVariable Long id) {
		return rules.get(id);
	}

	@PostMapping("/rules")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "A federation's new rule (orgId: the organiser, the caller's own when empty); a negative yearlyCap is refused")
	ResponseEntity<PointRule> create(@RequestBody PointRuleForm form) {
		Long id = rules.create(form);
		return ResponseEntity.created(URI.create("/api/v1/points/rules/" + id)).body(rules.get(id));
	}

	@PostMapping("/rules/{id}/active")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Switches a rule on or off; what it awarded stays")
	PointRule active(@PathVariable Long id, @RequestBody Active active) {
		if (active == null || active.active() == null) {
			throw new RuleViolationException("active", "points.rule.activeRequired");
		}
		rules.setActive(id, active.active());
		return rules.get(id);
	}

	@PostMapping("/rules/{id}/backfill")
	@PreAuthorize(RoleGroups.FEDERATION)
	@Operation(summary = "Applies an automatic rule to a past period (China dates from … to) from the source records; idempotent")
	Written backfill(@PathVariable Long id, @RequestBody Period period) {
		return new Written(backfill.run(id, period.from(), period.to()));
	}

	@GetMapping("/ranking")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "A year's ranking of the organisations of one level (CHAMBER by default) below a node (the caller's own by default)")
	PointRanking ranking(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) PointLevel level, @RequestParam(defaultValue = "0") int page,
			org.springframework.security.core.Authentication authentication) {
		Long node = orgId != null ? orgId
				: ((org.chamberlink.identity.AccountPrincipal) authentication.getPrincipal()).orgId();
		if (node == null) {
			throw new RuleViolationException("orgId", "points.orgRequired");
		}
		return ledger.ranking(node, year(year), level == null ? PointLevel.CHAMBER : level, page);
	}

	@GetMapping("/organizations/{id}")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "An organisation's points of a year, its rank within each federation above it, what each rule gave, "
			+ "and one page (50, newest first) of its entries")
	PointStanding standing(@PathVariable Long id, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page) {
		return ledger.standing(id, year(year), page);
	}

	@GetMapping("/claims")
	@PreAuthorize(RoleGroups.READERS)
	List<PointClaim> claims() {
		return claims.list();
	}

	@GetMapping("/claims/{id}")
	@PreAuthorize(RoleGroups.READERS)
	PointClaim claim(@PathVariable Long id) {
		return claims.get(id);
	}

	@PostMapping(path = "/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Claims a manual rule's points (orgId, ruleId, description, happenedOn as parameters; the evidence as the multipart part 'file', required)")
	ResponseEntity<PointClaim> submit(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long ruleId,
			@RequestParam(required = false) String description,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate happenedOn,
			@RequestPart(name = "file", required = false) MultipartFile evidence) throws IOException {
		Long id = claims.submit(new PointClaims.ClaimForm(orgId, ruleId, description, happenedOn),
				evidence == null || evidence.isEmpty() ? null
						: new PointClaims.Evidence(evidence.getOriginalFilename(), evidence.getContentType(), evidence.getBytes()));
		return ResponseEntity.created(URI.create("/api/v1/points/claims/" + id)).body(claims.get(id));
	}

	@PostMapping("/claims/{id}/approve")
	@PreAuthorize(RoleGroups.ADMINS)
	@Operation(summary = "Approves a pending claim (an officer of a federation above the claiming organisation)")
	PointClaim approve(@PathVariable Long id) {
		claims.approve(id);
		return claims.get(id);
	}

	@PostMapping("/claims/{id}/reject")
	@PreAuthorize(RoleGroups.ADMINS)
	PointClaim reject(@PathVariable Long id, @RequestBody Rejection rejection) {
		claims.reject(id, rejection == null ? null : rejection.reason());
		return claims.get(id);
	}

	private int year(Integer year) {
		int y = year == null ? LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear() : year;
		if (!ChinaTime.isPlannableYear(y)) {
			throw new RuleViolationException("year", "points.yearRange");
		}
		return y;
	}

}
