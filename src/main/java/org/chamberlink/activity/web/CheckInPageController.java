package org.chamberlink.activity.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Attendee;
import org.chamberlink.activity.CheckInOutcome;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.Role;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.RowRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page the activity's QR code opens on a phone (签到). Open without signing in: a member signed
 * in checks in with one tap, one who is not signs in first (and comes back here) or a guest types
 * name and mobile phone. The code decides: a forged one, another activity's, or one used outside
 * the check-in window is refused with its message, and a code for an id that does not exist looks
 * like a forged one. Checking in twice says when the first was.
 */
@Controller
class CheckInPageController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ActivityCheckIns checkIns;

	private final ActivityRegistrations registrations;

	private final MessageSource messages;

	CheckInPageController(ActivityCheckIns checkIns, ActivityRegistrations registrations, MessageSource messages) {
		this.checkIns = checkIns;
		this.registrations = registrations;
		this.messages = messages;
	}

	@GetMapping("/checkin/{id}")
	String page(@PathVariable Long id, @RequestParam(required = false) String code,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, HttpServletResponse response) {
		ActivityView activity;
		try {
			activity = checkIns.verifyUnscoped(id, code);
		}
		catch (RuleViolationException refused) {
			return refused(id, code, refused, locale, model, response);
		}
		return draw(activity, code, me, model);
	}

	/** The member's way to sign in: a page behind the sign-in, which the sign-in comes back to, and which leads back here. */
	@GetMapping("/checkin/{id}/sign-in")
	String signIn(@PathVariable Long id, @RequestParam(required = false) String code) {
		return "redirect:" + pageOf(id, code);
	}

	@PostMapping("/checkin/{id}")
	@PreAuthorize(RoleGroups.MEMBER)
	String checkInMember(@PathVariable Long id, @RequestParam(required = false) String code,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CheckInOutcome outcome;
		try {
			outcome = checkIns.checkInOwn(me, id, code);
		}
		catch (RuleViolationException refused) {
			return refused(id, code, refused, locale, model, response);
		}
		redirect.addFlashAttribute("outcome", said(outcome, locale));
		return "redirect:" + pageOf(id, code);
	}

	/**
	 * The same tap as the phone's page sends it (checkin.js, {@code Accept: application/json}): the
	 * outcome as JSON for the page to show in place — no redirect, no page drawn again, no flash
	 * message written to the session. At the door hundreds tap within a minute; this answer is a
	 * third of the work of the form's post, redirect and page. A refusal is a problem detail naming
	 * the field (decision 11).
	 */
	@PostMapping(path = "/checkin/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(RoleGroups.MEMBER)
	@ResponseBody
	ResponseEntity<?> tapMember(@PathVariable Long id, @RequestParam(required = false) String code,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale) {
		try {
			return answer(checkIns.checkInOwn(me, id, code), locale);
		}
		catch (RuleViolationException refused) {
			return problem(refused, locale);
		}
	}

	@PostMapping(path = "/checkin/{id}/guest", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> tapGuest(@PathVariable Long id, @RequestParam(required = false) String code,
			@RequestParam(required = false) String guestName, @RequestParam(required = false) String guestPhone,
			Locale locale) {
		try {
			return answer(checkIns.checkInGuest(id, code, guestName, guestPhone), locale);
		}
		catch (RuleViolationException refused) {
			return problem(refused, locale);
		}
	}

	@PostMapping("/checkin/{id}/guest")
	String checkInGuest(@PathVariable Long id, @RequestParam(required = false) String code,
			@RequestParam(required = false) String guestName, @RequestParam(required = false) String guestPhone,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CheckInOutcome outcome;
		try {
			outcome = checkIns.checkInGuest(id, code, guestName, guestPhone);
		}
		catch (RuleViolationException e) {
			if ("code".equals(e.field())) {
				return refused(id, code, e, locale, model, response);
			}
			// the form drawn again as typed, the message on its field (decision 25): 422
			model.addAttribute("refusal", RowRefusal.of("guest", id, e, messages, locale, "guestName", guestName,
					"guestPhone", guestPhone));
			ActivityView activity;
			try {
				activity = checkIns.verifyUnscoped(id, code);
			}
			catch (RuleViolationException closedMeanwhile) {
				return refused(id, code, closedMeanwhile, locale, model, response);
			}
			return draw(activity, code, me, model);
		}
		redirect.addFlashAttribute("outcome", said(outcome, locale));
		return "redirect:" + pageOf(id, code);
	}

	private String draw(ActivityView activity, String code, AccountPrincipal me, Model model) {
		model.addAttribute("activity", activity);
		model.addAttribute("code", code);
		boolean member = me != null && me.hasRole(Role.MEMBER);
		model.addAttribute("signedIn", me != null);
		model.addAttribute("member", member);
		if (member) {
			Attendee own = registrations.ownRegistrations(me, List.of(activity.id())).get(activity.id());
			if (own != null && own.checkedIn()) {
				model.addAttribute("checkedInAt", TIME.format(own.checkedInLocal()));
			}
		}
		return "activity/check-in";
	}

	/** The code refused (forged, another activity's, outside the window): its message, plainly, and nothing else. */
	private String refused(Long id, String code, RuleViolationException e, Locale locale, Model model,
			HttpServletResponse response) {
		model.addAttribute("codeRefusal", messages.getMessage(e.messageKey(), e.arguments(), locale));
		model.addAttribute("code", code);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "activity/check-in";
	}

	/** What the page shows after a tap: the sentence, and whether it was the first. */
	public record TapAnswer(String outcome, boolean already, String at) {
	}

	private ResponseEntity<TapAnswer> answer(CheckInOutcome outcome, Locale locale) {
		return ResponseEntity.ok(new TapAnswer(said(outcome, locale), outcome.already(), TIME.format(ChinaTime.of(outcome.at()))));
	}

	private ResponseEntity<ProblemDetail> problem(RuleViolationException refused, Locale locale) {
		String message = messages.getMessage(refused.messageKey(), refused.arguments(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, message);
		problem.setProperty("errors", List.of(Map.of("field", refused.field(), "message", message)));
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String said(CheckInOutcome outcome, Locale locale) {
		String at = TIME.format(ChinaTime.of(outcome.at()));
		return messages.getMessage(outcome.already() ? "activity.checkInPage.already" : "activity.checkInPage.done",
				new Object[] { at, outcome.name() == null ? "" : outcome.name() }, locale);
	}

	private static String pageOf(Long id, String code) {
		return UriComponentsBuilder.fromPath("/checkin/{id}")
			.queryParamIfPresent("code", java.util.Optional.ofNullable(code))
			.encode()
			.buildAndExpand(id)
			.toUriString();
	}

}
