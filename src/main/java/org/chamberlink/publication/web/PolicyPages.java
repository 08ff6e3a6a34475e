package org.chamberlink.publication.web;

import java.time.LocalDate;
import java.util.List;

import org.chamberlink.member.Industries;
import org.chamberlink.member.Industry;
import org.chamberlink.publication.PolicyTopic;
import org.chamberlink.publication.PolicyView;

import org.springframework.ui.Model;

/** What the policy pages of staff and members share: the filter's choices and a policy's industries named. */
final class PolicyPages {

	private PolicyPages() {
	}

	static void choices(Model model, Industries industries, LocalDate today) {
		model.addAttribute("industries", industries.all());
		model.addAttribute("topics", PolicyTopic.values());
		model.addAttribute("today", today);
	}

	static void describe(Model model, PolicyView policy, Industries industries, org.chamberlink.region.Regions regions, LocalDate today) {
		java.util.Map<String, String> regionNames = policy.regionCodes().isEmpty() ? java.util.Map.of() : regions.names(policy.regionCodes());
		model.addAttribute("regionNames", policy.regionCodes().stream().map(code -> regionNames.getOrDefault(code, code)).toList());
		List<String> named = policy.industryCodes().stream()
			.map(code -> industries.find(code).map(Industry::label).orElse(code))
			.toList();
		model.addAttribute("industryNames", named);
		model.addAttribute("valid", policy.validOn(today));
	}

}
