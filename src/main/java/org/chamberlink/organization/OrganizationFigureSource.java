package org.chamberlink.organization;

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

/**
 * The organisation figures through the figures SPI, from {@link OrganizationFigures}: active
 * chambers today, and the three coverage rates by their numerators and denominators. The
 * drill-down lists the federations and associations below; at a county it is empty (the chamber
 * list takes over).
 */
@Component
@Order(1)
class OrganizationFigureSource implements FigureSource {

	private static final FigureTiming NOW = FigureTiming.TODAY;

	private final OrganizationFigures figures;

	OrganizationFigureSource(OrganizationFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(FigureDefinition.sum("organization.chambers", "figures.chambers", FigureUnit.COUNT, NOW),
				FigureDefinition.sum("organization.townships", "figure.organization.townships", FigureUnit.COUNT, NOW),
				FigureDefinition.sum("organization.townshipsCovered", "figure.organization.townshipsCovered",
						FigureUnit.COUNT, NOW),
				FigureDefinition.rate("organization.townshipCoverage", "figures.townshipCoverage",
						"organization.townshipsCovered", "organization.townships", NOW),
				FigureDefinition.sum("organization.registeredChambers", "figure.organization.registeredChambers",
						FigureUnit.COUNT, NOW),
				FigureDefinition.rate("organization.registrationRate", "figures.registrationRate",
						"organization.registeredChambers", "organization.chambers", NOW),
				FigureDefinition.sum("organization.chambersWithParty", "figure.organization.chambersWithParty",
						FigureUnit.COUNT, NOW),
				FigureDefinition.rate("organization.partyCoverage", "figures.partyCoverage",
						"organization.chambersWithParty", "organization.chambers", NOW),
				FigureDefinition.sum("organization.renewalsDue", "figure.organization.renewalsDue", FigureUnit.COUNT,
						NOW));
	}

	@Override
	public Set<String> readers() {
		return Set.of();
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.of(orgId));
	}

	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		return figures.below(orgId).stream().map(OrganizationFigureSource::row).toList();
	}

	private static FigureRow row(OrganizationFigures.Figures f) {
		return FigureRow.of(f.orgId(), f.name(), false, Map.of("organization.chambers", f.chambers(),
				"organization.townships", f.townshipCoverage().denominator(),
				"organization.townshipsCovered", f.townshipCoverage().numerator(),
				"organization.registeredChambers", f.registrationRate().numerator(),
				"organization.chambersWithParty", f.partyCoverage().numerator(),
				"organization.renewalsDue", f.renewalsDue()));
	}

}
