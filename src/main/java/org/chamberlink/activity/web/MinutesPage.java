package org.chamberlink.activity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityFiles;
import org.chamberlink.activity.ActivityMinutes;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.ActivityRules;
import org.chamberlink.activity.ActivityStatus;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Attendee;
import org.chamberlink.activity.Minutes;
import org.chamberlink.activity.QuorumRule;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * An activity's minutes page: its attendance (for a governance meeting who may attend, who came and
 * whether that makes the quorum, the rule said in words), the minutes as recorded with each
 * resolution passed or not, the form to record them, and the documents and photos. Drawn by its
 * GET, again by a refused form (the minutes' own, or an upload's as a {@link RowRefusal}).
 */
@Component
class MinutesPage {

	static final String VIEW = "activity/minutes";

	private final Activities activities;

	private final ActivityMinutes minutes;

	private final ActivityRules rules;

	private final ActivityRegistrations registrations;

	private final ActivityFiles files;

	private final MessageSource messages;

	MinutesPage(Activities activities, ActivityMinutes minutes, ActivityRules rules, ActivityRegistrations registrations,
			ActivityFiles files, MessageSource messages) {
		this.activities = activities;
		this.minutes = minutes;
		this.rules = rules;
		this.registrations = registrations;
		this.files = files;
		this.messages = messages;
	}

	/** The page; {@code form} is what the form shows: the recorded minutes unless something was typed. */
	String render(Long id, MinutesForm form, Locale locale, Model model) {
		ActivityView activity = activities.get(id);
		Minutes recorded = minutes.find(id).orElse(null);
		model.addAttribute("activity", activity);
		model.addAttribute("minutes", recorded);
		model.addAttribute("recordedAt", recorded == null ? null : ChinaTime.of(recorded.recordedAt()));
		if (!model.containsAttribute("minutesForm")) {
			model.addAttribute("minutesForm", form != null ? form : MinutesForm.of(recorded));
		}
		boolean took = activity.status().took();
		model.addAttribute("took", took);
		model.addAttribute("recordable", took && activity.status() != ActivityStatus.CLOSED);
		model.addAttribute("filesOpen", activity.status() != ActivityStatus.CLOSED && activity.status() != ActivityStatus.CANCELLED);
		if (took || activity.status() == ActivityStatus.PUBLISHED) {
			ActivityMinutes.Attendance attendance = minutes.attendance(activity);
			model.addAttribute("attendance", attendance);
			List<Attendee> present = registrations.attendees(id).stream().filter(Attendee::checkedIn).toList();
			model.addAttribute("present", present);
		}
		if (activity.kind().governance()) {
			QuorumRule rule = rules.of(activity.orgId());
			model.addAttribute("rule", rule);
			model.addAttribute("quorumWords", QuorumWords.fraction(rule.quorumNumerator(), rule.quorumDenominator(), locale));
			model.addAttribute("passWords", QuorumWords.fraction(rule.passNumerator(), rule.passDenominator(), locale));
			if (model.getAttribute("attendance") instanceof ActivityMinutes.Attendance attendance) {
				model.addAttribute("fewestPresent", QuorumWords.fewestPresent(rule, attendance.eligible()));
				model.addAttribute("quorumNow", rule.quorum(attendance.present(), attendance.eligible()));
			}
		}
		List<ActivityFiles.ActivityFile> all = files.of(id);
		model.addAttribute("documents", all.stream().filter(file -> !file.photo()).toList());
		model.addAttribute("photos", all.stream().filter(ActivityFiles.ActivityFile::photo).toList());
		model.addAttribute("filePurposes", ActivityFiles.Purpose.values());
		model.addAttribute("maxMegabytes", ActivityFiles.MAX_BYTES / 1024 / 1024);
		return VIEW;
	}

	/** An upload refused: the page again (422), the upload form's purpose kept and the message on its file field. */
	String refusedUpload(Long id, RuleViolationException e, String purpose, Locale locale, Model model,
			HttpServletResponse response) {
		model.addAttribute("refusal", RowRefusal.of("files", id, e, messages, locale, "purpose", purpose));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(id, null, locale, model);
	}

}
