package org.chamberlink.activity.web;

import java.util.Locale;

import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityInvitations;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.AttendeeStatus;
import org.chamberlink.activity.CheckInOutcome;
import org.chamberlink.activity.CheckInWay;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff at an activity's list: register a member of the audience, withdraw a registration, add a
 * guest, check someone in at the door or tick the paper sheet, keep the invitation list. Each
 * answer goes back to the activity's page; a refusal draws it again with what was typed.
 */
@Controller
@PreAuthorize(RoleGroups.WORKERS)
class ActivityAttendanceController {

	private final ActivityRegistrations registrations;

	private final ActivityCheckIns checkIns;

	private final ActivityInvitations invitations;

	private final ActivityDetailPage page;

	private final MessageSource messages;

	ActivityAttendanceController(ActivityRegistrations registrations, ActivityCheckIns checkIns, ActivityInvitations invitations,
			ActivityDetailPage page, MessageSource messages) {
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.invitations = invitations;
		this.page = page;
		this.messages = messages;
	}

	@PostMapping("/activities/{id}/registrations")
	String register(@PathVariable Long id, @RequestParam(required = false) Long membershipId, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			AttendeeStatus status = registrations.register(id, membershipId);
			return page.done(id, status == AttendeeStatus.REGISTERED ? "activity.registered" : "activity.waitlisted", redirect);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "search", e, locale, model, response);
		}
	}

	@PostMapping("/activities/{id}/registrations/{attendeeId}/cancel")
	String cancel(@PathVariable Long id, @PathVariable Long attendeeId, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			registrations.cancel(id, attendeeId);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "status", e, locale, model, response);
		}
		return page.done(id, "activity.registrationCancelled", redirect);
	}

	@PostMapping("/activities/{id}/guests")
	String guest(@PathVariable Long id, @RequestParam(required = false) String guestName,
			@RequestParam(required = false) String guestPhone, @RequestParam(defaultValue = "false") boolean checkIn, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (checkIn) {
				checked(checkIns.checkInWalkInGuest(id, guestName, guestPhone), locale, redirect);
				return "redirect:/activities/" + id;
			}
			registrations.registerGuest(id, guestName, guestPhone);
			return page.done(id, "activity.guestAdded", redirect);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "guest", e, locale, model, response, "guestName", guestName, "guestPhone", guestPhone,
					"checkIn", String.valueOf(checkIn));
		}
	}

	@PostMapping("/activities/{id}/check-ins")
	String checkIn(@PathVariable Long id, @RequestParam(required = false) Long attendeeId,
			@RequestParam(required = false) Long membershipId, @RequestParam(defaultValue = "STAFF") CheckInWay way, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			CheckInOutcome outcome = attendeeId != null ? checkIns.checkIn(id, attendeeId, way) : checkIns.checkInMember(id, membershipId);
			checked(outcome, locale, redirect);
			return "redirect:/activities/" + id;
		}
		catch (RuleViolationException e) {
			return page.refused(id, attendeeId != null ? "status" : "search", e, locale, model, response);
		}
	}

	@PostMapping("/activities/{id}/invitees")
	String invite(@PathVariable Long id, @RequestParam(required = false) Long membershipId, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			invitations.add(id, membershipId);
		}
		catch (RuleViolationException e) {
			return page.refused(id, "search", e, locale, model, response);
		}
		return page.done(id, "activity.invited", redirect);
	}

	@PostMapping("/activities/{id}/invitees/{membershipId}/remove")
	String uninvite(@PathVariable Long id, @PathVariable Long membershipId, RedirectAttributes redirect) {
		invitations.remove(id, membershipId);
		return page.done(id, "activity.uninvited", redirect);
	}

	private void checked(CheckInOutcome outcome, Locale locale, RedirectAttributes redirect) {
		// flash attributes go into the JDBC session: plain strings only
		redirect.addFlashAttribute("checkInNotice", messages.getMessage(outcome.already() ? "activity.checkIn.already" : "activity.checkIn.done",
				new Object[] { outcome.name(), outcome.atLocal().toLocalTime().withNano(0).toString().substring(0, 5) }, locale));
	}

}
