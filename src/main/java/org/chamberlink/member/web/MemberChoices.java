package org.chamberlink.member.web;

import org.chamberlink.member.EnterpriseKind;
import org.chamberlink.member.Gender;
import org.chamberlink.member.Industries;
import org.chamberlink.member.Industry;
import org.chamberlink.member.MemberRole;
import org.chamberlink.member.MembershipStatus;
import org.chamberlink.member.PartyKind;
import org.chamberlink.member.SizeClass;
import org.chamberlink.member.Tier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The option lists every member page offers (kinds, roles, tiers, industries …). */
@Component
class MemberChoices {

	private final Industries industries;

	MemberChoices(Industries industries) {
		this.industries = industries;
	}

	void addTo(Model model) {
		model.addAttribute("partyKinds", PartyKind.values());
		model.addAttribute("enterpriseKinds", EnterpriseKind.values());
		model.addAttribute("sizeClasses", SizeClass.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("memberRoles", MemberRole.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("statuses", MembershipStatus.values());
		model.addAttribute("industries", industries.all());
		model.addAttribute("industryNames", industries.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Industry::code, Industry::name)));
	}

}
