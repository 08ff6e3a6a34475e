package org.chamberlink.activity.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.chamberlink.activity.Activities;
import org.chamberlink.activity.ActivityCheckIns;
import org.chamberlink.activity.ActivityRegistrations;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.activity.Attendee;
import org.chamberlink.activity.AttendeeStatus;
import org.chamberlink.identity.RoleGroups;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What staff put up and lay out at the door: the activity's check-in QR code, an A4 poster with it
 * and the activity's title, time and place, and the paper sign-in sheet (签到表) for places without
 * phones. Read-only, so every reader of the activity may print them; an activity outside the
 * caller's scope is not found, as one that does not exist.
 */
@Controller
@PreAuthorize(RoleGroups.READERS)
class CheckInMaterialController {

	private final Activities activities;

	private final ActivityCheckIns checkIns;

	private final ActivityRegistrations registrations;

	private final SignInSheetPdf sheets;

	CheckInMaterialController(Activities activities, ActivityCheckIns checkIns, ActivityRegistrations registrations,
			SignInSheetPdf sheets) {
		this.activities = activities;
		this.checkIns = checkIns;
		this.registrations = registrations;
		this.sheets = sheets;
	}

	@GetMapping("/activities/{id}/check-in-qr.png")
	ResponseEntity<byte[]> qr(@PathVariable Long id) {
		String url = CheckInQr.url(id, checkIns.code(id));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"check-in-" + id + ".png\"")
			.body(CheckInQr.png(url));
	}

	@GetMapping("/activities/{id}/check-in-poster")
	String poster(@PathVariable Long id, Model model) {
		ActivityView activity = activities.get(id);
		model.addAttribute("activity", activity);
		model.addAttribute("checkInUrl", CheckInQr.url(id, checkIns.code(id)));
		return "activity/check-in-poster";
	}

	@GetMapping("/activities/{id}/sign-in-sheet.pdf")
	ResponseEntity<byte[]> sheet(@PathVariable Long id, Locale locale) {
		ActivityView activity = activities.get(id);
		List<Attendee> registered = registrations.attendees(id)
			.stream()
			.filter(attendee -> attendee.status() == AttendeeStatus.REGISTERED)
			.toList();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("签到表-" + activity.id() + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(sheets.render(activity, registered, locale));
	}

}
