package org.chamberlink.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.report.ReturnCheck.AtMost;
import org.chamberlink.report.ReturnCheck.Needs;
import org.chamberlink.report.ReturnCheck.PartsSum;

/**
 * The statistical return's tables and cells as data: the form, the pre-fill, the Excel layout, the
 * cross-checks and the consolidation all read this one definition. A cell is pre-filled from a
 * figure of the figures SPI (decision 23), typed, or a rate of two other cells.
 */
public final class ReturnDefinition {

	public static final List<ReturnTable> TABLES;

	public static final List<ReturnCheck> CHECKS;

	private static final Map<String, ReturnCell> CELLS = new LinkedHashMap<>();

	private static final Map<String, ReturnTable> TABLE_OF = new LinkedHashMap<>();

	private ReturnDefinition() {
	}

	private static final String ORG = "report.unit.org";

	private static final String PERSON = "report.unit.person";

	private static final String ITEM = "report.unit.item";

	private static final String SESSION = "report.unit.session";

	private static final String TIMES = "report.unit.personTime";

	private static final String YUAN = "report.unit.yuan";

	private static final String PERCENT = "report.unit.percent";

	private static ReturnCell figure(String key, String figure, String unit, int indent) {
		return new ReturnCell(key, "report.cell." + key, unit, CellKind.FIGURE, figure, YUAN.equals(unit), null, null, indent);
	}

	/** Members in an industry section, as of the return's date; labelled by the member module's figure. */
	private static ReturnCell industry(String section) {
		return new ReturnCell("mem.industry." + section, "memberFigures.industry." + section, ORG, CellKind.FIGURE,
				"memberIndustry." + section, false, null, null, 1);
	}

	private static ReturnCell typed(String key, String unit, int indent) {
		return new ReturnCell(key, "report.cell." + key, unit, CellKind.TYPED, null, YUAN.equals(unit), null, null, indent);
	}

	private static ReturnCell rate(String key, String numerator, String denominator) {
		return new ReturnCell(key, "report.cell." + key, PERCENT, CellKind.RATE, null, false, numerator, denominator, 0);
	}

	static {
		List<ReturnTable> tables = new ArrayList<>();
		tables.add(new ReturnTable("organizations", "report.table.organizations", List.of(
				figure("org.chambers", "organization.chambers", ORG, 0),
				figure("org.township", "organization.chambers.township", ORG, 1),
				figure("org.industry", "organization.chambers.industry", ORG, 1),
				figure("org.regional", "organization.chambers.regional", ORG, 1),
				figure("org.outOfTown", "organization.chambers.outOfTown", ORG, 1),
				figure("org.village", "organization.chambers.village", ORG, 1),
				figure("org.registered", "organization.registeredChambers", ORG, 0),
				rate("org.registrationRate", "org.registered", "org.chambers"),
				figure("org.withParty", "organization.chambersWithParty", ORG, 0),
				rate("org.partyCoverage", "org.withParty", "org.chambers"),
				typed("org.fiveHas", ORG, 0),
				typed("org.staff", PERSON, 0),
				typed("org.staffFullTime", PERSON, 1),
				typed("org.staffPartTime", PERSON, 1),
				typed("org.staffGovFunded", PERSON, 1))));
		tables.add(new ReturnTable("members", "report.table.members", List.of(
				figure("mem.total", "member.total", ORG, 0),
				figure("mem.enterprises", "member.enterprises", ORG, 1),
				figure("mem.privateEnterprises", "member.privateEnterprises", ORG, 2),
				figure("mem.individualBusinesses", "member.individualBusinesses", ORG, 2),
				figure("mem.otherEnterprises", "member.otherEnterprises", ORG, 2),
				figure("mem.persons", "member.persons", PERSON, 1),
				figure("mem.groups", "member.groups", ORG, 1),
				figure("mem.local", "member.local", ORG, 0),
				figure("mem.outOfTown", "member.outOfTown", ORG, 0),
				figure("mem.highTech", "member.highTech", ORG, 0),
				figure("mem.traditional", "member.traditional", ORG, 0),
				figure("mem.core", "member.core", ORG, 0),
				figure("mem.close", "member.close", ORG, 0),
				figure("mem.contact", "member.contact", ORG, 0),
				figure("mem.peripheral", "member.peripheral", ORG, 0),
				figure("mem.partyMembers", "member.partyMembers", PERSON, 0),
				typed("mem.joined", ORG, 0),
				typed("mem.left", ORG, 0),
				// by industry section (GB/T 4754-2017), as of the return's date (decision 52)
				industry("A"), industry("B"), industry("C"), industry("D"), industry("E"), industry("F"), industry("G"),
				industry("H"), industry("I"), industry("J"), industry("K"), industry("L"), industry("M"), industry("N"),
				industry("O"), industry("P"), industry("Q"), industry("R"), industry("S"), industry("T"), industry("none"))));
		tables.add(new ReturnTable("dues", "report.table.dues", List.of(
				figure("dues.billed", "dues.billedFen", YUAN, 0),
				figure("dues.paid", "dues.paidFen", YUAN, 0),
				rate("dues.rate", "dues.paid", "dues.billed"),
				figure("dues.bills", "dues.bills", ITEM, 0),
				figure("dues.settledBills", "dues.settledBills", ITEM, 0),
				rate("dues.billRate", "dues.settledBills", "dues.bills"))));
		tables.add(new ReturnTable("services", "report.table.services", List.of(
				figure("svc.cases", "case.cases", ITEM, 0),
				figure("svc.needs", "case.needs", ITEM, 1),
				figure("svc.complaints", "case.complaints", ITEM, 1),
				figure("svc.mediations", "case.mediations", ITEM, 1),
				figure("svc.resolved", "case.resolved", ITEM, 0),
				figure("svc.rated", "case.rated", ITEM, 0),
				figure("svc.satisfied", "case.satisfied", ITEM, 0),
				rate("svc.satisfaction", "svc.satisfied", "svc.rated"),
				figure("svc.recovered", "case.recoveredFen", YUAN, 0))));
		tables.add(new ReturnTable("activities", "report.table.activities", List.of(
				figure("act.held", "activity.held", SESSION, 0),
				figure("act.governance", "activity.governanceMeetings", SESSION, 1),
				figure("act.trainings", "activity.trainings", SESSION, 1),
				figure("act.personTimes", "activity.personTimes", TIMES, 0))));
		tables.add(new ReturnTable("welfare", "report.table.welfare", List.of(
				figure("wel.projects", "welfare.projects", ITEM, 0),
				figure("wel.enterprises", "welfare.enterprises", ORG, 0),
				figure("wel.committed", "welfare.committed", YUAN, 0),
				figure("wel.delivered", "welfare.delivered", YUAN, 0),
				figure("wel.beneficiaries", "welfare.beneficiaries", PERSON, 0))));
		tables.add(new ReturnTable("honours", "report.table.honours", List.of(
				figure("hon.awarded", "honour.awarded", ITEM, 0),
				figure("hon.county", "honour.county", ITEM, 1),
				figure("hon.city", "honour.city", ITEM, 1),
				figure("hon.province", "honour.province", ITEM, 1),
				figure("hon.national", "honour.national", ITEM, 1))));
		tables.add(new ReturnTable("evaluations", "report.table.evaluations", List.of(
				figure("eva.evaluations", "evaluation.evaluations", ITEM, 0),
				figure("eva.passed", "evaluation.passed", ITEM, 1),
				figure("eva.recommended", "evaluation.recommended", ITEM, 1))));
		TABLES = List.copyOf(tables);
		for (ReturnTable table : TABLES) {
			for (ReturnCell cell : table.cells()) {
				if (CELLS.putIfAbsent(cell.key(), cell) != null) {
					throw new IllegalStateException("Cell " + cell.key() + " defined twice");
				}
				TABLE_OF.put(cell.key(), table);
			}
		}
		CHECKS = List.of(
				new PartsSum("org.chambers", List.of("org.township", "org.industry", "org.regional", "org.outOfTown", "org.village")),
				new AtMost("org.registered", "org.chambers"), new AtMost("org.withParty", "org.chambers"),
				new AtMost("org.fiveHas", "org.chambers"),
				new PartsSum("org.staff", List.of("org.staffFullTime", "org.staffPartTime")),
				new AtMost("org.staffGovFunded", "org.staff"),
				new PartsSum("mem.total", List.of("mem.enterprises", "mem.persons", "mem.groups")),
				new PartsSum("mem.enterprises", List.of("mem.privateEnterprises", "mem.individualBusinesses", "mem.otherEnterprises")),
				new PartsSum("mem.total", List.of("mem.local", "mem.outOfTown")),
				new AtMost("mem.highTech", "mem.total"), new AtMost("mem.traditional", "mem.total"),
				new AtMost("mem.partyMembers", "mem.persons"),
				new AtMost("dues.settledBills", "dues.bills"),
				new PartsSum("svc.cases", List.of("svc.needs", "svc.complaints", "svc.mediations")),
				new AtMost("svc.resolved", "svc.cases"), new AtMost("svc.rated", "svc.cases"),
				new AtMost("act.governance", "act.held"), new AtMost("act.trainings", "act.held"),
				new AtMost("eva.passed", "eva.evaluations"),
				// between tables: dues billed in a year the return counts no member
				new Needs("dues.billed", "mem.total"));
		for (ReturnCheck check : CHECKS) {
			if (!CELLS.containsKey(check.cell())) {
				throw new IllegalStateException("Check " + check.key() + " names an unknown cell");
			}
		}
	}

	public static List<ReturnCell> cells() {
		return List.copyOf(CELLS.values());
	}

	/** A cell by key, or null. */
	public static ReturnCell cell(String key) {
		return CELLS.get(key);
	}

	public static ReturnTable tableOf(String cellKey) {
		return TABLE_OF.get(cellKey);
	}

	/** A table by key, or null. */
	public static ReturnTable table(String key) {
		return TABLES.stream().filter(table -> table.key().equals(key)).findFirst().orElse(null);
	}

}
