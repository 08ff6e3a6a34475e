package org.chamberlink.activity.web;

import org.chamberlink.activity.ActivityFeeds;
import org.chamberlink.activity.ActivityView;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RecordNotFoundException;

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
 * Calendar feeds: the feed behind a secret link, opened by calendar applications without signing
 * in (an unknown or replaced link is not found), and the staff page that shows an organisation's
 * link and makes or replaces it. A member's own link is on the portal's activities page.
 */
@Controller
class ActivityFeedController {

	private final ActivityFeeds feeds;

	private final Organizations organizations;

	private final ActivityCalendar calendar;

	ActivityFeedController(ActivityFeeds feeds, Organizations organizations, ActivityCalendar calendar) {
		this.feeds = feeds;
		this.organizations = organizations;
		this.calendar = calendar;
	}

	@GetMapping("/feeds/activities/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		ActivityFeeds.Feed feed = feeds.feedUnscoped(token).orElseThrow(() -> new RecordNotFoundException("ActivityFeed", "?"));
		String page = feed.member() ? "/portal/activities/{id}" : "/activities/{id}";
		return calendar.response("activities.ics", feed.name(), feed.activities(),
				(ActivityView activity) -> ServletUriComponentsBuilder.fromCurrentContextPath()
					.path(page)
					.buildAndExpand(activity.id())
					.toUriString());
	}

	/** An organisation's link (the account's own organisation unless another of its subtree is chosen). */
	@GetMapping("/activities/feeds")
	@PreAuthorize(RoleGroups.READERS)
	String page(@RequestParam(required = false) Long org, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Long orgId = org != null ? org : me.orgId();
		if (orgId != null) {
			OrganizationSummary chosen = organizations.get(orgId);
			model.addAttribute("org", chosen);
			model.addAttribute("feedUrl", feeds.orgToken(orgId).map(ActivityFeedController::feedUrl).orElse(null));
		}
		return "activity/feeds";
	}

	@PostMapping("/activities/feeds")
	@PreAuthorize(RoleGroups.WORKERS)
	String reset(@RequestParam Long orgId, RedirectAttributes redirect) {
		boolean had = feeds.orgToken(orgId).isPresent();
		feeds.resetOrg(orgId);
		redirect.addFlashAttribute("success", had ? "activity.feed.reset" : "activity.feed.made");
		return "redirect:/activities/feeds?org=" + orgId;
	}

	static String feedUrl(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/feeds/activities/{token}.ics").buildAndExpand(token)
			.toUriString();
	}

}
