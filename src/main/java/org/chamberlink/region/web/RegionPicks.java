package org.chamberlink.region.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;
import org.chamberlink.web.Pick;
import org.chamberlink.web.PickSource;

import org.springframework.stereotype.Component;

/**
 * The region picker's choices: the region's name, and its path from the province down with its
 * code ("河北省 石家庄市 长安区 · 130102100") to tell the many 新华区 and 城关镇 apart. Regions are
 * public reference data: every signed-in user searches the whole tree; a form narrows it where a
 * rule does (an organisation's region inside its parent's). A page without script takes the code.
 */
@Component
class RegionPicks implements PickSource {

	private final Regions regions;

	private final Clock clock;

	RegionPicks(Regions regions, Clock clock) {
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "regions";
	}

	List<Pick> matching(String typed, String within) {
		return picks(regions.matching(typed, within, LocalDate.now(clock), Pick.MOST));
	}

	@Override
	public Optional<Pick> chosen(String code) {
		return regions.find(code).map(region -> picks(List.of(region)).get(0));
	}

	private List<Pick> picks(List<Region> found) {
		Map<String, String> paths = regions.pathsAbove(found.stream().map(Region::code).toList());
		return found.stream().map(region -> {
			String path = paths.get(region.code());
			return new Pick(region.code(), region.name(), (path.isEmpty() ? "" : path + " · ") + region.code());
		}).toList();
	}

}
