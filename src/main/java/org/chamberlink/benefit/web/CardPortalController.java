package org.chamberlink.benefit.web;

import java.util.Base64;
import java.util.Map;

import org.chamberlink.benefit.MemberCard;
import org.chamberlink.benefit.MemberCards;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The member's digital card in the portal (375 px first): name, organisations, member since,
 * valid or not, and the QR code of a code signed now; card.js fetches a fresh code every minute
 * (a code lives two minutes).
 */
@Controller
@PreAuthorize(RoleGroups.MEMBER)
class CardPortalController {

	private final MemberCards cards;

	CardPortalController(MemberCards cards) {
		this.cards = cards;
	}

	@GetMapping("/portal/card")
	String card(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		cards.own(me).ifPresent(card -> {
			model.addAttribute("card", card);
			model.addAttribute("qr", qr(card));
		});
		return "benefit/card";
	}

	/** A fresh code for the page's script: the code, its QR code, whether the card is valid, when the code expires. */
	@GetMapping("/portal/card/code")
	@ResponseBody
	ResponseEntity<Map<String, Object>> code(@AuthenticationPrincipal AccountPrincipal me) {
		MemberCard card = cards.own(me).orElseThrow(() -> new RecordNotFoundException("MemberCard", me.id()));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("code", card.code(), "qr", qr(card), "valid", card.valid(), "expiresAt", card.expiresAt().toString()));
	}

	private static String qr(MemberCard card) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(CardQr.png(card.code()));
	}

}
