package org.chamberlink.member;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.figures.FigureDefinition;
import org.chamberlink.shared.figures.FigurePeriod;
import org.chamberlink.shared.figures.FigureRow;
import org.chamberlink.shared.figures.FigureSource;
import org.chamberlink.shared.figures.FigureTiming;
import org.chamberlink.shared.figures.FigureUnit;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The member structure (三多三少) through the figures SPI, from {@link MemberFigures}' tally:
 * memberships as of the period's last day (decision 57), by kind, origin, tier and party members.
 */
@Component
@Order(2)
class MemberFigureSource implements FigureSource {

	private static final List<String> STRUCTURE = List.of("total", "privateEnterprises", "individualBusinesses",
			"persons", "groups", "local", "outOfTown", "traditional", "highTech", "partyMembers",
			// for the statistical return (decision 44): the enterprise kinds in full and the tiers
			"enterprises", "otherEnterprises", "core", "close", "contact", "peripheral");

	private final MemberFigures figures;

	private final Organizations organizations;

	MemberFigureSource(MemberFigures figures, Organizations organizations) {
		this.figures = figures;
		this.organizations = organizations;
	}

	@Override
	public List<FigureDefinition> definitions() {
		List<FigureDefinition> sums = STRUCTURE.stream()
			.map(name -> FigureDefinition.sum("member." + name, "memberFigures." + name, FigureUnit.COUNT,
					FigureTiming.AS_OF))
			.toList();
		// the share of individual members who are party members, named by what it divides
		return java.util.stream.Stream.concat(sums.stream(),
				java.util.stream.Stream.of(FigureDefinition.rate("member.partyMemberShare",
						"memberFigures.partyMemberShare", "member.partyMembers", "member.persons", FigureTiming.AS_OF)))
			.toList();
	}

	@Override
	public Set<String> readers() {
		return STAFF_AND_AUDITORS;
	}

	@Override
	public FigureRow values(Long orgId, FigurePeriod period) {
		return row(figures.structure(orgId, period.to()), null);
	}

	/** The node's own memberships come as a row without id: it becomes the own level. */
	@Override
	public List<FigureRow> below(Long orgId, FigurePeriod period) {
		List<MemberStructure> rows = figures.below(orgId, period.to());
		OrganizationSummary node = rows.stream().anyMatch(row -> row.orgId() == null) ? organizations.get(orgId) : null;
		return rows.stream().map(row -> row(row, node)).toList();
	}

	private static FigureRow row(MemberStructure s, OrganizationSummary node) {
		boolean own = s.orgId() == null;
		return FigureRow.of(own ? node.id() : s.orgId(), own ? node.name() : s.orgName(), own,
				Map.ofEntries(Map.entry("member.total", s.total()), Map.entry("member.privateEnterprises", s.privateEnterprises()),
						Map.entry("member.individualBusinesses", s.individualBusinesses()), Map.entry("member.persons", s.persons()),
						Map.entry("member.groups", s.groups()), Map.entry("member.local", s.local()),
						Map.entry("member.outOfTown", s.outOfTown()), Map.entry("member.traditional", s.traditional()),
						Map.entry("member.highTech", s.highTech()), Map.entry("member.partyMembers", s.partyMembers()),
						Map.entry("member.enterprises", s.enterprises()), Map.entry("member.otherEnterprises", s.otherEnterprises()),
						Map.entry("member.core", s.core()), Map.entry("member.close", s.close()),
						Map.entry("member.contact", s.contact()), Map.entry("member.peripheral", s.peripheral())));
	}

}
