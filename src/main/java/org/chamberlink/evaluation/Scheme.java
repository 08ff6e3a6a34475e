package org.chamberlink.evaluation;

import java.util.List;

/**
 * An evaluation scheme: its sections of criteria and the levels it recognises at with their pass
 * marks. {@code appliesTo}: CHAMBER or COUNTY_FEDERATION.
 */
public record Scheme(Long id, String code, String name, String appliesTo, String description, boolean preset, long version,
		List<PassMark> levels, List<Section> sections) {

	public record PassMark(EvaluationLevel level, int passMark) {
	}

	public record Section(Long id, int position, String title, List<Criterion> criteria) {

		public int maxPoints() {
			return criteria.stream().mapToInt(Criterion::maxPoints).sum();
		}

	}

	public record Criterion(Long id, Long sectionId, int position, String title, int maxPoints, String guidance,
			EvidenceKind evidence, Indicator indicator, boolean veto) {
	}

	public int maxPoints() {
		return sections.stream().mapToInt(Section::maxPoints).sum();
	}

	public List<Criterion> criteria() {
		return sections.stream().flatMap(s -> s.criteria().stream()).toList();
	}

	public Criterion criterion(Long id) {
		return criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
	}

	/** The pass mark at a level, or null when the scheme does not recognise at it. */
	public Integer passMark(EvaluationLevel level) {
		return levels.stream().filter(l -> l.level() == level).map(PassMark::passMark).findFirst().orElse(null);
	}

}
