package org.chamberlink.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.figures.FigurePeriod;

import org.springframework.stereotype.Service;

/** Resolves what a module's figures page is about, the same way on every such page. */
@Service
public class FigureNodes {

	private final Organizations organizations;

	private final Clock clock;

	FigureNodes(Organizations organizations, Clock clock) {
		this.organizations = organizations;
		this.clock = clock;
	}

	/**
	 * The node asked for (out of scope answers as not found) or the caller's own organisation, and
	 * the period from the two dates (this year in China time when none is given).
	 */
	public FigureNode resolve(Long asked, Long own, LocalDate from, LocalDate to) {
		Long node = asked != null ? asked : own;
		if (node == null) {
			return new FigureNode(null, null, organizations.roots());
		}
		FigurePeriod period = FigurePeriod.of(from, to, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
		return new FigureNode(organizations.get(node), period, List.of());
	}

}
