package org.chamberlink.honour.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chamberlink.honour.HonourNotices;
import org.chamberlink.honour.HonourAwards;
import org.chamberlink.honour.PublicThrottle;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-out honour pages: a certificate's verification (what the certificate shows and whether
 * it still stands), a programme's public notice (公示) with its objection form. Each is throttled
 * per address (429 over the limit); an unknown or malformed number, or a programme with nobody on
 * notice, answers 404 with the same page that reveals nothing.
 */
@Controller
class HonourPublicController {

	private final HonourAwards awards;

	private final HonourNotices notices;

	private final PublicThrottle throttle;

	private final MessageSource messages;

	private final org.chamberlink.honour.HonourRolls rolls;

	HonourPublicController(HonourAwards awards, HonourNotices notices, PublicThrottle throttle, MessageSource messages,
			org.chamberlink.honour.HonourRolls rolls) {
		this.rolls = rolls;
		this.awards = awards;
		this.notices = notices;
		this.throttle = throttle;
		this.messages = messages;
	}

	@GetMapping("/honours/verify/{number}")
	String verify(@PathVariable String number, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!throttle.allow("verify", request.getRemoteAddr())) {
			return throttled(response);
		}
		var found = awards.verify(number);
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "honour/public-missing";
		}
		model.addAttribute("certificate", found.get());
		return "honour/verify";
	}

	@GetMapping("/honours/notice/{programmeId}")
	String notice(@PathVariable Long programmeId, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!throttle.allow("notice", request.getRemoteAddr())) {
			return throttled(response);
		}
		return noticePage(programmeId, response, model);
	}

	@PostMapping("/honours/notice/{programmeId}/objection")
	String object(@PathVariable Long programmeId, @RequestParam(required = false) Long nominationId,
			@RequestParam(required = false) String text, @RequestParam(required = false) String contact, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
		if (!throttle.allow("objection", request.getRemoteAddr())) {
			return throttled(response);
		}
		try {
			notices.object(programmeId, nominationId, text, contact);
			redirect.addFlashAttribute("success", "honour.objection.filed");
			return "redirect:/honours/notice/" + programmeId;
		}
		catch (RuleViolationException e) {
			model.addAttribute("objectionError", messages.getMessage(e.messageKey(), e.arguments(), locale));
			model.addAttribute("objectionField", e.field());
			model.addAttribute("typedNomination", nominationId);
			model.addAttribute("typedText", text);
			model.addAttribute("typedContact", contact);
			String page = noticePage(programmeId, response, model);
			if (response.getStatus() < 400) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			return page;
		}
	}

	/** An organisation's public honour roll, while it publishes one; otherwise the page that reveals nothing. */
	@GetMapping("/honours/public/{orgId}")
	String publicRoll(@PathVariable Long orgId, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!throttle.allow("roll", request.getRemoteAddr())) {
			return throttled(response);
		}
		var roll = rolls.publicRollUnscoped(orgId);
		if (roll.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "honour/public-missing";
		}
		model.addAttribute("roll", roll.get());
		return "honour/public-roll";
	}

	private String noticePage(Long programmeId, HttpServletResponse response, Model model) {
		var notice = notices.publicNotice(programmeId);
		if (notice.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "honour/public-missing";
		}
		model.addAttribute("notice", notice.get());
		return "honour/notice";
	}

	private static String throttled(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", "60");
		return "honour/public-throttled";
	}

}
