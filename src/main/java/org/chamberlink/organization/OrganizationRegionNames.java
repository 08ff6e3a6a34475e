package org.chamberlink.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chamberlink.region.Regions;

import org.springframework.stereotype.Component;

/** Puts their regions' names on organisations read without them, asked of the region module in one batch. */
@Component
class OrganizationRegionNames {

	private final Regions regions;

	OrganizationRegionNames(Regions regions) {
		this.regions = regions;
	}

	List<OrganizationSummary> named(List<OrganizationSummary> orgs) {
		if (orgs.isEmpty()) {
			return orgs;
		}
		Map<String, String> names = regions.names(orgs.stream().map(OrganizationSummary::regionCode).toList());
		return orgs.stream()
			.map(o -> o.withRegionName(names.get(o.regionCode())))
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

}
