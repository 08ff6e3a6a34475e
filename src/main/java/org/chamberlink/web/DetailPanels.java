package org.chamberlink.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The {@link DetailPanel}s other modules contribute to a detail page, in order, those the signed-in account may see. */
@Component
public class DetailPanels {

	/** One panel for one record: its heading and the URL of its body. */
	public record Shown(String titleKey, String url) {
	}

	private final List<DetailPanel> panels;

	DetailPanels(List<DetailPanel> panels) {
		this.panels = panels.stream().sorted(Comparator.comparingInt(DetailPanel::order)).toList();
	}

	/** The panels of a record of this entity type ({@link DetailPanel#MEMBER}, {@link DetailPanel#ORGANIZATION}). */
	public List<Shown> of(String entityType, Long id) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return List.of();
		}
		return panels.stream()
			.filter(panel -> panel.entityType().equals(entityType) && panel.visibleTo(authentication))
			.map(panel -> new Shown(panel.titleKey(), panel.url(id)))
			.toList();
	}

}
