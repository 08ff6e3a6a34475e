package org.chamberlink.organization.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.region.Regions;
import org.chamberlink.web.Pick;
import org.chamberlink.web.PickSource;

import org.springframework.stereotype.Component;

/**
 * The organisation picker's choices, within the caller's data scope: the name, and where it is
 * ("河北省 石家庄市 长安区") to tell the many 建材商会 apart. A page without script offers the
 * caller's organisation, those directly below and the one chosen.
 */
@Component
class OrganizationPicks implements PickSource {

	private final Organizations organizations;

	private final Regions regions;

	OrganizationPicks(Organizations organizations, Regions regions) {
		this.organizations = organizations;
		this.regions = regions;
	}

	@Override
	public String name() {
		return "organizations";
	}

	List<Pick> matching(String typed, Long reachableFrom) {
		return picks(organizations.matching(typed, reachableFrom, Pick.MOST));
	}

	@Override
	public Optional<Pick> chosen(String value) {
		return id(value).flatMap(organizations::find).map(org -> picks(List.of(org)).get(0));
	}

	@Override
	public List<Pick> withoutScript(String value) {
		return picks(organizations.nearby(id(value).orElse(null)));
	}

	private List<Pick> picks(List<OrganizationSummary> orgs) {
		Map<String, String> above = regions.pathsAbove(orgs.stream().map(OrganizationSummary::regionCode).distinct().toList());
		return orgs.stream().map(org -> {
			String path = above.getOrDefault(org.regionCode(), "");
			String region = org.regionName() == null ? org.regionCode() : org.regionName();
			return new Pick(org.id().toString(), org.name(), path.isEmpty() ? region : path + " " + region);
		}).toList();
	}

	private static Optional<Long> id(String value) {
		return value != null && value.matches("\\d{1,18}") ? Optional.of(Long.valueOf(value)) : Optional.empty();
	}

}
