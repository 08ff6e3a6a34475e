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
 * The organisation figures through the figures SPI, from {@link OrganizationFigures}: chambers
 * as of the period's last day (decision 57; renewals due: today), and the three coverage rates by
 * their numerators and denominators. The
 * drill-down lists the federations and associations below; at a county it is empty (the chamber
 * list takes over).
 */
@Component
@Order(1)
class OrganizationFigureSource implements FigureSource {

	private static final FigureTiming DATED = FigureTiming.AS_OF;

	private final OrganizationFigures figures;

	OrganizationFigureSource(OrganizationFigures figures) {
		this.figures = figures;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(FigureDefinition.sum("organization.chambers", "figures.chambers", FigureUnit.COUNT, DATED),
				FigureDefinition.sum("organization.townships", "figure.organization.townships", FigureUnit.COUNT, DATED),
				FigureDefinition.sum("organization.townshipsCovered", "figure.organization.townshipsCovered",
						FigureUnit.COUNT, DATED),
				FigureDefinition.rate("organization.townshipCoverage", "figures.townshipCoverage",
						"organization.townshipsCovered", "organization.townships", DATED),
				FigureDefinition.sum("organization.registeredChambers", "figure.organization.registeredChambers",
						FigureUnit.COUNT, DATED),
				FigureDefinition.rate("organization.registrationRate", "figures.registrationRate",
						"organization.registeredChambers", "organization.chambers", DATED),
				FigureDefinition.sum("organization.chambersWithParty", "figure.organization.chambersWithParty",
						FigureUnit.COUNT, DATED),
				FigureDefinition.rate("organization.partyCoverage", "figures.partyCoverage",
						"organization.chambersWithParty", "organization.chambers", DATED),
				FigureDefinition.sum("organization.renewalsDue", "figure.organization.renewalsDue", FigureUnit.COUNT,
						FigureTiming.TODAY),
				// chambers by kind, for the statistical return (decision 44)
				FigureDefinition.sum("organization.chambers.township", "figure.organization.chambers.township", FigureUnit.COUNT, DATED),
				FigureDefinition.sum("organization.chambers.industry", "figure.organization.chambers.industry", FigureUnit.COUNT, DATED),
				FigureDefinition.sum("organization.chambers.regional", "figure.organization.chambers.regional", FigureUnit.COUNT, DATED),
				FigureDefinition.sum("organization.chambers.outOfTown", "figure.organization.chambers.outOfTown", FigureUnit.COUNT,
						DATED),
				FigureDefinition.sum("organization.chambers.village", "figure.organization.chambers.village", FigureUnit.COUNT, DATED));
	}

	@Override
	public Set<String> readers() {
		return Set.of();
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.of(orgId, period.to()));
	}

	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		return figures.below(orgId, period.to()).stream().map(OrganizationFigureSource::row).toList();
	}

	private static FigureRow row(OrganizationFigures.Figures f) {
		return FigureRow.of(f.orgId(), f.name(), false, Map.ofEntries(Map.entry("organization.chambers", f.chambers()),
				Map.entry("organization.townships", f.townshipCoverage().denominator()),
				Map.entry("organization.townshipsCovered", f.townshipCoverage().numerator()),
				Map.entry("organization.registeredChambers", f.registrationRate().numerator()),
				Map.entry("organization.chambersWithParty", f.partyCoverage().numerator()),
				Map.entry("organization.renewalsDue", f.renewalsDue()),
				Map.entry("organization.chambers.township", kind(f, ChamberKind.TOWNSHIP)),
				Map.entry("organization.chambers.industry", kind(f, ChamberKind.INDUSTRY)),
				Map.entry("organization.chambers.regional", kind(f, ChamberKind.REGIONAL)),
				Map.entry("organization.chambers.outOfTown", kind(f, ChamberKind.OUT_OF_TOWN)),
				Map.entry("organization.chambers.village", kind(f, ChamberKind.VILLAGE))));
	}

	private static long kind(OrganizationFigures.Figures f, ChamberKind kind) {
		Long count = f.chambersByKind() == null ? null : f.chambersByKind().get(kind);
		return count == null ? 0L : count;
	}

}
