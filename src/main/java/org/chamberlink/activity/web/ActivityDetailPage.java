package org.chamberlink.activity.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityInvitations;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Attendee;
import org.chamberlink.activity.AttendeeStatus;
import org.chamberlink.activity.Audience;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One activity's page for staff: what, when, where and for whom; its status and the steps it may
 * take; the list of who registered, waits, came; search of the audience to register or check in a
 * member; guests; the invitation list. Drawn by its GET and again by a refused form (decision 25).
 */
@Component
class ActivityDetailPage {

	private final Activities activities;

	private final ActivityRegistrations registrations;

	private final ActivityInvitations invitations;

	private final MessageSource messages;

	private final Clock clock;

	ActivityDetailPage(Activities activities, ActivityRegistrations registrations, ActivityInvitations invitations,
			MessageSource messages, Clock clock) {
		this.activities = activities;
		this.registrations = registrations;
		this.invitations = invitations;
		this.messages = messages;
		this.clock = clock;
	}

	String render(Long id, String q, Model model) {
		ActivityView activity = activities.get(id);
		List<Attendee> attendees = registrations.attendees(id);
		model.addAttribute("activity", activity);
		model.addAttribute("attendees", attendees);
		model.addAttribute("present", attendees.stream().filter(Attendee::checkedIn).count());
		model.addAttribute("seated", attendees.stream().filter(a -> a.status() == AttendeeStatus.REGISTERED).count());
		model.addAttribute("waiting", attendees.stream().filter(a -> a.status() == AttendeeStatus.WAITLISTED).count());
		model.addAttribute("now", clock.instant());
		model.addAttribute("checkInOpen", !clock.instant().isBefore(activity.checkInOpensAt())
				&& (activity.status().editable() || activity.status() == org.chamberlink.activity.ActivityStatus.HELD));
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			model.addAttribute("candidates", registrations.findInAudience(id, q));
		}
		if (activity.audience() == Audience.INVITED) {
			model.addAttribute("invitees", invitations.of(id));
		}
		return "activity/detail";
	}

	String done(Long id, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", notice);
		return "redirect:/activities/" + id;
	}

	/** A form of the page refused: drawn again (422) with what was typed and the message on its field. */
	String refused(Long id, String form, RuleViolationException e, Locale locale, Model model, HttpServletResponse response,
			String... typed) {
		model.addAttribute("refusal", RowRefusal.of(form, id, e, messages, locale, typed));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(id, null, model);
	}

}
