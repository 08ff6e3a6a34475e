package org.chamberlink.region.web;

import java.util.List;

import org.chamberlink.web.Pick;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region picker's search (js/picker.js), a helper of the pages under the signed-in session,
 * not part of the API: {@code GET /pick/regions?q=西兆通} answers at most {@link Pick#MOST}
 * choices; {@code within} keeps them inside one region, and alone lists it and those directly below.
 */
@RestController
class RegionPickController {

	private final RegionPicks picks;

	RegionPickController(RegionPicks picks) {
		this.picks = picks;
	}

	@GetMapping("/pick/regions")
	List<Pick> regions(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String within) {
		return picks.matching(q, within);
	}

}
