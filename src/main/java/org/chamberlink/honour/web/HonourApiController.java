package org.chamberlink.honour.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.honour.Award;
import org.chamberlink.honour.BulkNominationForm;
import org.chamberlink.honour.BulkOutcome;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.HonourFigures;
import org.chamberlink.honour.HonourLevel;
import org.chamberlink.honour.HonourNominations;
import org.chamberlink.honour.HonourNotices;
import org.chamberlink.honour.HonourProgrammes;
import org.chamberlink.honour.HonourTotals;
import org.chamberlink.honour.Nomination;
import org.chamberlink.honour.NominationForm;
import org.chamberlink.honour.Objection;
import org.chamberlink.honour.Programme;
import org.chamberlink.honour.ProgrammeForm;
import org.chamberlink.honour.Quota;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.ChinaTime;

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

/** Honours over the API: the same rules, scope and refusals (RFC 9457, 422 with the field) as the pages. */
@RestController
@RequestMapping("/api/v1/honours")
@Tag(name = "honours", description = "表彰：项目、名额、推荐、公示、授予、证书 / honours")
class HonourApiController {

	record QuotaBody(Long orgId, HonourLevel level, Integer quota) {
	}

	record Review(Integer rank, String reason, String outsideBody, String decision) {
	}

	record Revocation(String reason) {
	}

	record Answer(String answer) {
	}

	record Awarded(Long id, String certificateNumber) {
	}

	private final HonourProgrammes programmes;

	private final HonourNominations nominations;

	private final HonourAwards awards;

	private final HonourNotices notices;

	private final HonourFigures figures;

	private final Clock clock;

	HonourApiController(HonourProgrammes programmes, HonourNominations nominations, HonourAwards awards, HonourNotices notices,
			HonourFigures figures, Clock clock) {
		this.programmes = programmes;
		this.nominations = nominations;
		this.awards = awards;
		this.notices = notices;
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/programmes")
	@PreAuthorize(RoleGroups.READERS)
	List<Programme> programmes() {
		return programmes.list();
	}

	@PostMapping("/programmes")
	@PreAuthorize(RoleGroups.WORKERS)
	ResponseEntity<Programme> create(@RequestBody ProgrammeForm form) {
		Long id = programmes.create(form);
		return ResponseEntity.created(URI.create("/api/v1/honours/programmes/" + id)).body(programmes.get(id));
	}

	@GetMapping("/programmes/{id}")
	@PreAuthorize(RoleGroups.READERS)
	Programme programme(@PathVariable Long id) {
		return programmes.get(id);
	}

	@GetMapping("/programmes/{id}/quotas")
	@PreAuthorize(RoleGroups.READERS)
	List<Quota> quotas(@PathVariable Long id) {
		return programmes.quotas(id);
	}

	@PutMapping("/programmes/{id}/quotas")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Sets how many an organisation below may nominate for a level of the programme")
	List<Quota> setQuota(@PathVariable Long id, @RequestBody QuotaBody body) {
		programmes.setQuota(id, body.orgId(), body.level(), body.quota());
		return programmes.quotas(id);
	}

	@GetMapping("/programmes/{id}/nominations")
	@PreAuthorize(RoleGroups.READERS)
	List<Nomination> nominations(@PathVariable Long id) {
		return nominations.of(id);
	}

	@PostMapping("/programmes/{id}/nominations")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Nominates a member of the nominator's subtree; refused (422) with the eligibility rule or the quota it fails")
	ResponseEntity<Nomination> nominate(@PathVariable Long id, @RequestBody NominationForm form) {
		Long nomination = nominations.nominate(new NominationForm(id, form.level(), form.nominatorOrgId(), form.membershipId(),
				form.reasons(), form.evidence()));
		return created(nomination);
	}

	@PostMapping("/programmes/{id}/nominations/organization")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Nominates an organisation of the nominator's subtree (itself included) for a programme that honours organisations")
	ResponseEntity<Nomination> nominateOrganization(@PathVariable Long id, @RequestBody org.chamberlink.honour.OrganizationNominationForm form) {
		Long nomination = nominations.nominateOrganization(new org.chamberlink.honour.OrganizationNominationForm(id, form.level(),
				form.nominatorOrgId(), form.honoreeOrgId(), form.reasons(), form.evidence()));
		return created(nomination);
	}

	@PostMapping("/programmes/{id}/nominations/staff")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Nominates a staff member (an account with a staff role of the nominator's subtree) for a programme that honours staff")
	ResponseEntity<Nomination> nominateStaff(@PathVariable Long id, @RequestBody org.chamberlink.honour.StaffNominationForm form) {
		Long nomination = nominations.nominateStaff(new org.chamberlink.honour.StaffNominationForm(id, form.level(), form.nominatorOrgId(),
				form.accountId(), form.reasons(), form.evidence()));
		return created(nomination);
	}

	/** The nomination made, as its page answers it (201 with its address). */
	private ResponseEntity<Nomination> created(Long nomination) {
		return ResponseEntity.created(URI.create("/api/v1/honours/nominations/" + nomination)).body(nominations.get(nomination));
	}

	@PostMapping("/programmes/{id}/nominations/bulk")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Nominates every eligible current member matching the filter; refused as a whole over the quota")
	BulkOutcome bulk(@PathVariable Long id, @RequestBody BulkNominationForm form) {
		return nominations.nominateAll(new BulkNominationForm(id, form.level(), form.nominatorOrgId(), form.withinOrgId(), form.role(),
				form.tier(), form.joinedYearsAgo(), form.reasons()));
	}

	@PostMapping("/programmes/{id}/notice")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Puts the accepted nominations the caller reviews at the level on public notice; answers how many")
	int notice(@PathVariable Long id, @RequestParam HonourLevel level) {
		return nominations.publishNotice(id, level);
	}

	@PostMapping("/programmes/{id}/awards")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Awards every nomination at the level that may be awarded now; answers the awards made")
	List<Long> awardAll(@PathVariable Long id, @RequestParam HonourLevel level) {
		return awards.awardAll(id, level);
	}

	@GetMapping("/programmes/{id}/awards")
	@PreAuthorize(RoleGroups.READERS)
	List<Award> awards(@PathVariable Long id) {
		return awards.ofProgramme(id);
	}

	@GetMapping("/nominations/{id}")
	@PreAuthorize(RoleGroups.READERS)
	Nomination nomination(@PathVariable Long id) {
		return nominations.get(id);
	}

	@GetMapping("/nominations/{id}/objections")
	@PreAuthorize(RoleGroups.READERS)
	List<Objection> objections(@PathVariable Long id) {
		return notices.objections(id);
	}

	@PostMapping("/nominations/{id}/{action:accept|reject|more|forward|recommend|decision|endorse|decline}")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Reviews a nomination: accept (rank), reject (reason), more (reason), forward, recommend (outsideBody), decision (ACCEPTED/DECLINED, reason); by the nominator: endorse or decline (reason) a member's self-application")
	Nomination review(@PathVariable Long id, @PathVariable String action, @RequestBody(required = false) Review review) {
		Review r = review == null ? new Review(null, null, null, null) : review;
		switch (action) {
			case "accept" -> nominations.accept(id, r.rank());
			case "reject" -> nominations.reject(id, r.reason());
			case "more" -> nominations.askForMore(id, r.reason());
			case "forward" -> nominations.forward(id);
			case "recommend" -> nominations.recommend(id, r.outsideBody());
			case "endorse" -> nominations.endorse(id);
			case "decline" -> nominations.decline(id, r.reason());
			default -> nominations.recordDecision(id, r.decision(), r.reason());
		}
		return nominations.get(id);
	}

	@PostMapping("/nominations/{id}/award")
	@PreAuthorize(RoleGroups.WORKERS)
	Awarded award(@PathVariable Long id) {
		Long award = awards.award(id);
		return new Awarded(award, awards.get(award).certificateNumber());
	}

	@PostMapping("/objections/{id}/answer")
	@PreAuthorize(RoleGroups.WORKERS)
	void answer(@PathVariable Long id, @RequestBody Answer answer) {
		notices.answer(id, answer.answer());
	}

	@GetMapping("/awards/{id}")
	@PreAuthorize(RoleGroups.READERS)
	Award awardOf(@PathVariable Long id) {
		return awards.get(id);
	}

	@PostMapping("/awards/{id}/revoke")
	@PreAuthorize(RoleGroups.WORKERS)
	Award revoke(@PathVariable Long id, @RequestBody Revocation revocation) {
		awards.revoke(id, revocation.reason());
		return awards.get(id);
	}

	@GetMapping("/figures")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "Honour figures of an organisation's subtree for a year: totals, by programme and level, and below")
	Figures figures(@RequestParam Long orgId, @RequestParam(required = false) Integer year) {
		int y = year != null ? year : LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
		LocalDate from = LocalDate.of(y, 1, 1);
		LocalDate to = LocalDate.of(y, 12, 31);
		return new Figures(figures.totals(orgId, from, to), figures.byProgramme(orgId, from, to), figures.below(orgId, from, to));
	}

	record Figures(HonourTotals totals, List<HonourFigures.ByProgramme> byProgramme, List<HonourTotals> below) {
	}

}
