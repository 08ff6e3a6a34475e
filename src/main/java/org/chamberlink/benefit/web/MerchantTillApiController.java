package org.chamberlink.benefit.web;

import java.net.URI;
import java.util.Map;

import org.chamberlink.benefit.CardCheck;
import org.chamberlink.benefit.MemberCards;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's till through the API (/api/v1/merchant): check a card code (200 with valid and the
 * reason in words), record a use of a valid one (201; 422 when the card is not valid now).
 */
@RestController
@RequestMapping("/api/v1/merchant")
@PreAuthorize(RoleGroups.MERCHANT)
class MerchantTillApiController {

	/** A card code as typed or scanned. */
	record CodeInput(String code) {
	}

	/** A check as the API answers it: no phone, no identity number, a name only for a valid card. */
	record CheckAnswer(boolean valid, String message, String name, java.util.List<String> organisations) {
	}

	private final MemberCards cards;

	private final MessageSource messages;

	MerchantTillApiController(MemberCards cards, MessageSource messages) {
		this.cards = cards;
		this.messages = messages;
	}

	@PostMapping("/checks")
	CheckAnswer check(@RequestBody CodeInput input, @AuthenticationPrincipal AccountPrincipal me, java.util.Locale locale) {
		CardCheck check = cards.check(me, input == null ? null : input.code());
		return new CheckAnswer(check.valid(), messages.getMessage(check.messageKey(), null, locale), check.name(),
				check.organisations());
	}

	@PostMapping("/uses")
	ResponseEntity<Map<String, Long>> use(@RequestBody CodeInput input, @AuthenticationPrincipal AccountPrincipal me) {
		Long id = cards.recordUse(me, input == null ? null : input.code());
		return ResponseEntity.created(URI.create("/api/v1/merchant/uses/" + id)).body(Map.of("id", id));
	}

}
