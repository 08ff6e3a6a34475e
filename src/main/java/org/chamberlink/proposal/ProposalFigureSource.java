package org.chamberlink.proposal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.shared.figures.FigureDefinition;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureRow;
import org.chamberlink.shared.figures.FigureSource;
import org.chamberlink.shared.figures.FigureTiming;
import org.chamberlink.shared.figures.FigureUnit;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Proposal figures through the figures SPI: suggestions, proposals and their outcomes; the adoption rate named by what it divides. */
@Component
@Order(8)
class ProposalFigureSource implements FigureSource {

	private final ProposalFigures figures;

	ProposalFigureSource(ProposalFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(count("proposal.suggestions"), count("proposal.proposals"), count("proposal.answered"),
				count("proposal.adopted"), count("proposal.instructed"),
				FigureDefinition.rate("proposal.adoption", "figure.proposal.adoption", "proposal.adopted", "proposal.proposals",
						FigureTiming.PERIOD));
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.totals(orgId, period.from(), period.to()), false);
	}

	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		return figures.below(orgId, period.from(), period.to()).stream().map(t -> row(t, t.orgId().equals(orgId))).toList();
	}

	private static FigureDefinition count(String key) {
		return FigureDefinition.sum(key, "figure." + key, FigureUnit.COUNT, FigureTiming.PERIOD);
	}

	private static FigureRow row(ProposalFigures.Totals t, boolean own) {
		return FigureRow.of(t.orgId(), t.orgName(), own, Map.of("proposal.suggestions", t.suggestions(), "proposal.proposals",
				t.proposals(), "proposal.answered", t.answered(), "proposal.adopted", t.adopted(), "proposal.instructed", t.instructed()));
	}

}
