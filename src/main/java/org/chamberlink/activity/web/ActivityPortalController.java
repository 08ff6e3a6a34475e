package org.chamberlink.activity.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.activity.ActivityFeeds;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Attendee;
import org.chamberlink.activity.AttendeeStatus;
import org.chamberlink.activity.OwnActivities;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The member portal's activities, for a phone: what the member may attend (their audience, not a
 * data scope) with their own registrations — a seat, a place in the waiting list, checked in —
 * registering and withdrawing with one tap, an activity for the member's calendar, and the secret
 * link of their calendar feed. An activity outside their audience is not found, as one that does
 * not exist.
 */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class ActivityPortalController {

	private static final String LIST = "list";

	private final OwnActivities own;

	private final ActivityRegistrations registrations;

	private final ActivityFeeds feeds;

	private final ActivityCalendar calendar;

	private final MessageSource messages;

	private final Clock clock;

	ActivityPortalController(OwnActivities own, ActivityRegistrations registrations, ActivityFeeds feeds,
			ActivityCalendar calendar, MessageSource messages, Clock clock) {
		this.own = own;
		this.registrations = registrations;
		this.feeds = feeds;
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/portal/activities")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		List<ActivityView> activities = own.visibleTo(me);
		List<Long> ids = activities.stream().map(ActivityView::id).toList();
		Map<Long, Attendee> mine = registrations.ownRegistrations(me, ids);
		model.addAttribute("mine", activities.stream().filter(a -> mine.containsKey(a.id())).toList());
		model.addAttribute("others", activities.stream().filter(a -> !mine.containsKey(a.id())).toList());
		model.addAttribute("registrations", mine);
		model.addAttribute("positions", own.waitingPositions(me, ids));
		model.addAttribute("now", clock.instant());
		model.addAttribute("feedUrl", feeds.ownToken(me).map(ActivityFeedController::feedUrl).orElse(null));
		return "activity/portal";
	}

	/** The member's month: the activities of their audience by day, the month's list on a phone. */
	@GetMapping("/portal/activities/month")
	String month(@RequestParam(required = false) String month, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(org.chamberlink.shared.ChinaTime.ZONE));
		java.time.YearMonth shown = MonthCalendar.parse(month, java.time.YearMonth.from(today));
		model.addAttribute("calendar", MonthCalendar.of(shown, own.inMonth(me, shown), today));
		return "activity/portal-month";
	}

	@GetMapping("/portal/activities/{id}")
	String detail(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		ActivityView activity = visible(me, id);
		model.addAttribute("activity", activity);
		model.addAttribute("registration", registrations.ownRegistrations(me, List.of(id)).get(id));
		model.addAttribute("position", own.waitingPositions(me, List.of(id)).get(id));
		model.addAttribute("now", clock.instant());
		return "activity/portal-detail";
	}

	@PostMapping("/portal/activities/{id}/registration")
	String register(@PathVariable Long id, @RequestParam(required = false) String back,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		visible(me, id);
		AttendeeStatus status;
		try {
			status = registrations.registerOwn(me, id);
		}
		catch (RuleViolationException e) {
			return refused(id, back, e, me, locale, model, response);
		}
		redirect.addFlashAttribute("success",
				status == AttendeeStatus.WAITLISTED ? "activity.portal.waitlisted" : "activity.portal.registered");
		return back(id, back);
	}

	@PostMapping("/portal/activities/{id}/cancellation")
	String cancel(@PathVariable Long id, @RequestParam(required = false) String back,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		visible(me, id);
		try {
			registrations.cancelOwn(me, id);
		}
		catch (RuleViolationException e) {
			return refused(id, back, e, me, locale, model, response);
		}
		catch (RecordNotFoundException notRegistered) {
			// the activity is the member's to see: only the registration is gone (a second tap, another window)
			return refused(id, back, new RuleViolationException("activityId", "activity.portal.notRegistered"), me, locale,
					model, response);
		}
		redirect.addFlashAttribute("success", "activity.portal.cancelled");
		return back(id, back);
	}

	/** One activity for the member's calendar application ("add to calendar"). */
	@GetMapping("/portal/activities/{id}/calendar.ics")
	ResponseEntity<String> ics(@PathVariable Long id, @AuthenticationPrincipal AccountPrincipal me) {
		ActivityView activity = visible(me, id);
		return calendar.response("activity-" + id + ".ics", activity.title(), List.of(activity),
				ActivityPortalController::portalUrl);
	}

	/** Makes the member's calendar link, or replaces it (the old one stops working). */
	@PostMapping("/portal/activities/feed")
	String resetFeed(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		boolean had = feeds.ownToken(me).isPresent();
		feeds.resetOwn(me);
		redirect.addFlashAttribute("success", had ? "activity.feed.reset" : "activity.feed.made");
		return "redirect:/portal/activities";
	}

	private ActivityView visible(AccountPrincipal me, Long id) {
		return own.find(me, id).orElseThrow(() -> new RecordNotFoundException("Activity", id));
	}

	/**
	 * A refused registration or withdrawal (closed, twice, after the start): the page it came from
	 * drawn again with the message at the activity, 422 (decision 25).
	 */
	private String refused(Long id, String back, RuleViolationException e, AccountPrincipal me, Locale locale, Model model,
			HttpServletResponse response) {
		model.addAttribute("refusal", RowRefusal.of("activity", id, e, messages, locale));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return LIST.equals(back) ? list(me, model) : detail(id, me, model);
	}

	private static String back(Long id, String back) {
		return LIST.equals(back) ? "redirect:/portal/activities" : "redirect:/portal/activities/" + id;
	}

	private static String portalUrl(ActivityView activity) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/activities/{id}").buildAndExpand(activity.id())
			.toUriString();
	}

}
