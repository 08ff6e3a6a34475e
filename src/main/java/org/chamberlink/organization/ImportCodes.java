package org.chamberlink.organization;

import java.util.Map;

import org.chamberlink.shared.RuleViolationException;

import org.springframework.util.StringUtils;

/** The Chinese words the import template uses for codes (the template's second sheet lists them). */
final class ImportCodes {

	static final Map<String, ChamberKind> KINDS = Map.of("乡镇街道商会", ChamberKind.TOWNSHIP, "行业商会", ChamberKind.INDUSTRY,
			"区域性商会", ChamberKind.REGIONAL, "异地商会", ChamberKind.OUT_OF_TOWN, "村级商会", ChamberKind.VILLAGE);

	static final Map<String, String> PARTY = Map.of("无党组织", "NONE", "无", "NONE", "党支部", "BRANCH", "联合党支部",
			"JOINT_BRANCH", "党委", "COMMITTEE");

	private ImportCodes() {
	}

	static ChamberKind chamberKind(String text) {
		if (!StringUtils.hasText(text)) {
			throw new RuleViolationException("chamberKind", "import.required");
		}
		ChamberKind kind = KINDS.get(text.trim());
		if (kind == null) {
			try {
				return ChamberKind.valueOf(text.trim().toUpperCase());
			}
			catch (IllegalArgumentException e) {
				throw new RuleViolationException("chamberKind", "import.unknownKind", text.trim());
			}
		}
		return kind;
	}

	static Boolean yesNo(String text) {
		if (!StringUtils.hasText(text) || text.trim().equals("否")) {
			return false;
		}
		if (text.trim().equals("是")) {
			return true;
		}
		throw new RuleViolationException("registered", "import.yesNo", text.trim());
	}

	static String party(String text) {
		if (!StringUtils.hasText(text)) {
			return "NONE";
		}
		String code = PARTY.get(text.trim());
		if (code == null) {
			throw new RuleViolationException("partyOrganisation", "import.unknownParty", text.trim());
		}
		return code;
	}

}
