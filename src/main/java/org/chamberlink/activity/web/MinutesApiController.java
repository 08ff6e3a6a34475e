package org.chamberlink.activity.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityMinutes;
import org.chamberlink.activity.ActivityRules;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Minutes;
import org.chamberlink.activity.QuorumRule;
import org.chamberlink.activity.Resolution;
import org.chamberlink.identity.RoleGroups;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An activity's minutes over the API: the attendance as it stands (for a governance meeting who may
 * attend, who came, the organisation's rule and whether the quorum holds now), and the minutes as
 * recorded; recording them (again) with PUT. A refusal is 422 naming its field
 * ({@code resolutions[0].votesFor}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "activity", description = "活动 / activities")
class MinutesApiController {

	/** A resolution as sent: a vote left out is none. */
	record ResolutionInput(String text, Integer votesFor, Integer votesAgainst, Integer votesAbstain) {
	}

	record MinutesInput(String summary, List<ResolutionInput> resolutions) {
	}

	/** Who may attend and who came, now; for an activity that is no governance meeting {@code eligible}, rule and quorum are null. */
	record Attendance(boolean governance, Integer eligible, int present, QuorumRule rule, Boolean quorumMet) {
	}

	/** The minutes as recorded, null when none are; {@code quorumMet} as it was when they were recorded. */
	record RecordedMinutes(String summary, Integer eligible, int present, Boolean quorumMet, List<Resolution> resolutions,
			Instant recordedAt, long version) {
	}

	record MinutesAnswer(Long activityId, Attendance attendance, RecordedMinutes minutes) {
	}

	private final Activities activities;

	private final ActivityMinutes minutes;

	private final ActivityRules rules;

	MinutesApiController(Activities activities, ActivityMinutes minutes, ActivityRules rules) {
		this.activities = activities;
		this.minutes = minutes;
		this.rules = rules;
	}

	@GetMapping("/activities/{id}/minutes")
	@PreAuthorize(RoleGroups.READERS)
	@Operation(summary = "An activity's attendance now (for a governance meeting: eligible, present, the rule and the quorum) and its minutes as recorded (null when none)")
	MinutesAnswer get(@PathVariable Long id) {
		return answer(id);
	}

	@PutMapping("/activities/{id}/minutes")
	@PreAuthorize(RoleGroups.WORKERS)
	@Operation(summary = "Records (or records again) the minutes of an activity that took place: summary and resolutions with their votes; a governance meeting's quorum and each resolution's outcome are decided here")
	MinutesAnswer put(@PathVariable Long id, @RequestBody MinutesInput input) {
		List<Resolution> resolutions = input.resolutions() == null ? List.of()
				: input.resolutions().stream()
					.map(r -> r == null ? Resolution.of(null, 0, 0, 0)
							: Resolution.of(r.text(), zero(r.votesFor()), zero(r.votesAgainst()), zero(r.votesAbstain())))
					.toList();
		minutes.record(id, input.summary(), resolutions);
		return answer(id);
	}

	private MinutesAnswer answer(Long id) {
		ActivityView activity = activities.get(id);
		ActivityMinutes.Attendance now = minutes.attendance(activity);
		Attendance attendance;
		if (activity.kind().governance()) {
			QuorumRule rule = rules.of(activity.orgId());
			attendance = new Attendance(true, now.eligible(), now.present(), rule, rule.quorum(now.present(), now.eligible()));
		}
		else {
			attendance = new Attendance(false, null, now.present(), null, null);
		}
		Minutes recorded = minutes.find(id).orElse(null);
		return new MinutesAnswer(id, attendance, recorded == null ? null
				: new RecordedMinutes(recorded.summary(), recorded.eligible(), recorded.present(), recorded.quorumMet(),
						recorded.resolutions(), recorded.recordedAt(), recorded.version()));
	}

	private static int zero(Integer votes) {
		return votes == null ? 0 : votes;
	}

}
