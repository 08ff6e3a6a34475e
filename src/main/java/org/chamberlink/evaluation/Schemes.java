package org.chamberlink.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation schemes, read by everyone who works with evaluations and edited by federations:
 * a criterion's wording, maximum points and guidance, a level's pass mark. Every change audited.
 */
@Service
public class Schemes {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Schemes(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public record SchemeSummary(Long id, String code, String name, String appliesTo, String description, boolean preset) {
	}

	@Transactional(readOnly = true)
	public List<SchemeSummary> list() {
		return jdbc.sql("select id, code, name, applies_to, description, preset from evaluation_scheme order by id")
			.query(SchemeSummary.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Scheme get(Long id) {
		SchemeSummary s = jdbc.sql("select id, code, name, applies_to, description, preset from evaluation_scheme where id = :id")
			.param("id", id)
			.query(SchemeSummary.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("Scheme", id));
		long version = jdbc.sql("select version from evaluation_scheme where id = :id").param("id", id).query(Long.class).single();
		List<Scheme.PassMark> levels = jdbc.sql("""
				select level, pass_mark from evaluation_scheme_level where scheme_id = :id
				order by array_position(array['COUNTY', 'CITY', 'PROVINCE', 'NATIONAL']::varchar[], level)
				""")
			.param("id", id)
			.query((rs, n) -> new Scheme.PassMark(EvaluationLevel.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		Map<Long, List<Scheme.Criterion>> bySection = new LinkedHashMap<>();
		jdbc.sql("""
				select id, section_id, position, title, max_points, guidance, evidence, indicator, veto
				from evaluation_criterion where scheme_id = :id order by section_id, position
				""")
			.param("id", id)
			.query((rs, n) -> new Scheme.Criterion(rs.getLong("id"), rs.getLong("section_id"), rs.getInt("position"),
					rs.getString("title"), rs.getInt("max_points"), rs.getString("guidance"), EvidenceKind.valueOf(rs.getString("evidence")),
					rs.getString("indicator") == null ? null : Indicator.valueOf(rs.getString("indicator")), rs.getBoolean("veto")))
			.list()
			.forEach(c -> bySection.computeIfAbsent(c.sectionId(), k -> new ArrayList<>()).add(c));
		List<Scheme.Section> sections = jdbc.sql("select id, position, title from evaluation_section where scheme_id = :id order by position")
			.param("id", id)
			.query((rs, n) -> new Scheme.Section(rs.getLong(1), rs.getInt(2), rs.getString(3),
					List.copyOf(bySection.getOrDefault(rs.getLong(1), List.of()))))
			.list();
		return new Scheme(s.id(), s.code(), s.name(), s.appliesTo(), s.description(), s.preset(), version, levels, sections);
	}

	/** Changes a criterion's wording, maximum points and guidance. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public void updateCriterion(Long schemeId, Long criterionId, String title, Integer maxPoints, String guidance) {
		Scheme scheme = get(schemeId);
		Scheme.Criterion criterion = scheme.criterion(criterionId);
		if (criterion == null) {
			throw new RecordNotFoundException("Criterion", criterionId);
		}
		String name = title(title);
		checkMaxPoints(maxPoints, criterion.veto());
		String help = guidance(guidance);
		jdbc.sql("update evaluation_criterion set title = :title, max_points = :max, guidance = :guidance where id = :id")
			.param("title", name)
			.param("max", maxPoints)
			.param("guidance", help)
			.param("id", criterionId)
			.update();
		jdbc.sql("update evaluation_scheme set version = version + 1 where id = :id").param("id", schemeId).update();
		audit.record(AuditEntry.of("EVALUATION_SCHEME_CHANGED").entity("EvaluationScheme", schemeId)
			.summary(scheme.name() + " · " + name + " · " + maxPoints));
	}

	/** Sets the pass mark of a level the scheme recognises at. */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public void setPassMark(Long schemeId, EvaluationLevel level, Integer passMark) {
		Scheme scheme = get(schemeId);
		if (level == null || scheme.passMark(level) == null) {
			throw new RuleViolationException("level", "evaluation.scheme.levelUnknown");
		}
		if (passMark == null || passMark < 0 || passMark > scheme.maxPoints()) {
			throw new RuleViolationException("passMark", "evaluation.scheme.passMarkInvalid", scheme.maxPoints());
		}
		jdbc.sql("update evaluation_scheme_level set pass_mark = :mark where scheme_id = :id and level = :level")
			.param("mark", passMark)
			.param("id", schemeId)
			.param("level", level.name())
			.update();
		jdbc.sql("update evaluation_scheme set version = version + 1 where id = :id").param("id", schemeId).update();
		audit.record(AuditEntry.of("EVALUATION_SCHEME_CHANGED").entity("EvaluationScheme", schemeId)
			.summary("audit.summary.evaluationPassMark." + level, scheme.name(), passMark));
	}

	/**
	 * Adds a criterion at the end of a section: its title, maximum points (none for a veto), guidance,
	 * the evidence it needs and, optionally, the indicator the system measures for it. Evaluations not
	 * yet passed at a level need it scored there too; what was passed stays passed.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public Long addCriterion(Long schemeId, Long sectionId, String title, Integer maxPoints, String guidance, EvidenceKind evidence,
			Indicator indicator, boolean veto) {
		Scheme scheme = get(schemeId);
		Scheme.Section section = scheme.sections().stream().filter(s -> s.id().equals(sectionId)).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("Section", sectionId));
		String name = title(title);
		checkMaxPoints(maxPoints, veto);
		String help = guidance(guidance);
		if (evidence == null) {
			throw new RuleViolationException("evidence", "evaluation.scheme.evidenceRequired");
		}
		int position = section.criteria().stream().mapToInt(Scheme.Criterion::position).max().orElse(0) + 1;
		Long id = jdbc.sql("""
				insert into evaluation_criterion (scheme_id, section_id, position, title, max_points, guidance, evidence, indicator, veto)
				values (:scheme, :section, :position, :title, :max, :guidance, :evidence, :indicator, :veto) returning id
				""")
			.param("scheme", schemeId)
			.param("section", sectionId)
			.param("position", position)
			.param("title", name)
			.param("max", maxPoints)
			.param("guidance", help)
			.param("evidence", evidence.name())
			.param("indicator", indicator == null ? null : indicator.name())
			.param("veto", veto)
			.query(Long.class)
			.single();
		jdbc.sql("update evaluation_scheme set version = version + 1 where id = :id").param("id", schemeId).update();
		audit.record(AuditEntry.of("EVALUATION_SCHEME_CHANGED").entity("EvaluationScheme", schemeId)
			.summary("audit.summary.evaluationCriterionAdded", scheme.name(), section.title(), name, maxPoints));
		return id;
	}

	/**
	 * Removes a criterion no evaluation has used: one scored (by the organisation itself or a
	 * reviewer) or with evidence attached in any campaign is kept — what was scored stays explicable —
	 * and so is one whose removal would leave the scheme's total below a level's pass mark.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.FEDERATION)
	public void removeCriterion(Long schemeId, Long criterionId) {
		Scheme scheme = get(schemeId);
		Scheme.Criterion criterion = scheme.criterion(criterionId);
		if (criterion == null) {
			throw new RecordNotFoundException("Criterion", criterionId);
		}
		jdbc.sql("select id from evaluation_criterion where id = :id for update").param("id", criterionId).query(Long.class).single();
		boolean used = jdbc.sql("""
				select exists (select 1 from evaluation_score where criterion_id = :id)
				    or exists (select 1 from evaluation_evidence where criterion_id = :id)
				""").param("id", criterionId).query(Boolean.class).single();
		if (used) {
			throw new RuleViolationException("criterion", "evaluation.scheme.criterionUsed", criterion.title());
		}
		int left = scheme.maxPoints() - criterion.maxPoints();
		for (Scheme.PassMark mark : scheme.levels()) {
			if (mark.passMark() > left) {
				throw new RuleViolationException("criterion", "evaluation.scheme.removeBelowPassMark", left, mark.passMark());
			}
		}
		jdbc.sql("delete from evaluation_criterion where id = :id").param("id", criterionId).update();
		jdbc.sql("update evaluation_scheme set version = version + 1 where id = :id").param("id", schemeId).update();
		audit.record(AuditEntry.of("EVALUATION_SCHEME_CHANGED").entity("EvaluationScheme", schemeId)
			.summary("audit.summary.evaluationCriterionRemoved", scheme.name(), criterion.title()));
	}

	private static String title(String title) {
		String name = title == null ? "" : title.strip();
		if (name.isEmpty()) {
			throw new RuleViolationException("title", "evaluation.scheme.titleRequired");
		}
		if (name.length() > 200) {
			throw new RuleViolationException("title", "evaluation.scheme.titleTooLong");
		}
		return name;
	}

	private static void checkMaxPoints(Integer maxPoints, boolean veto) {
		if (maxPoints == null || maxPoints < 0 || maxPoints > 1000) {
			throw new RuleViolationException("maxPoints", "evaluation.scheme.maxPointsInvalid");
		}
		if (veto && maxPoints != 0) {
			throw new RuleViolationException("maxPoints", "evaluation.scheme.vetoHasNoPoints");
		}
	}

	private static String guidance(String guidance) {
		String help = guidance == null || guidance.isBlank() ? null : guidance.strip();
		if (help != null && help.length() > 2000) {
			throw new RuleViolationException("guidance", "evaluation.scheme.guidanceTooLong");
		}
		return help;
	}

}
