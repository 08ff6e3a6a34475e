package org.chamberlink.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.organization.OrganizationSummary;
import org.chamberlink.organization.OrganizationType;
import org.chamberlink.organization.Organizations;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual work report (年度工作报告, decision 52): the sections staff write for a year's return, the
 * .docx generated from the level's template filled with the return's stored cells (so report and
 * return agree), the same report as PDF, and the templates the system administrator replaces. A
 * return outside the caller's scope is not found, as by {@link StatisticalReturns#get}.
 */
@Service
public class WorkReports {

	/** Largest template accepted (bytes). */
	public static final int MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

	/** The template levels: the three federation levels, and CHAMBER for chambers and associations. */
	public static final java.util.List<String> LEVELS = java.util.List.of("PROVINCE", "CITY", "COUNTY", "CHAMBER");

	private final JdbcClient jdbc;

	private final StatisticalReturns returns;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	WorkReports(JdbcClient jdbc, StatisticalReturns returns, Organizations organizations, AuditTrail audit,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.returns = returns;
		this.organizations = organizations;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- the sections staff write ----

	/** The return's sections as written so far (empty text for one not written). */
	@Transactional(readOnly = true)
	public Map<NarrativeSection, String> narratives(Long returnId) {
		returns.get(returnId);
		Map<NarrativeSection, String> texts = new EnumMap<>(NarrativeSection.class);
		for (NarrativeSection section : NarrativeSection.values()) {
			texts.put(section, "");
		}
		jdbc.sql("select section, text from report_narrative where return_id = :r")
			.param("r", returnId)
			.query((rs, n) -> texts.put(NarrativeSection.valueOf(rs.getString(1)), rs.getString(2)))
			.list();
		return texts;
	}

	/**
	 * Saves the sections given (by placeholder name: achievements, experience, problems, nextGoals);
	 * blank empties one. Only the return's own organisation writes them — also after acceptance: the
	 * figures are locked, the words are not. Refused, naming the section and writing nothing, for a
	 * text beyond {@value NarrativeSection#MAX_LENGTH} characters or an unknown section.
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void saveNarratives(Long returnId, Map<String, String> texts) {
		ReturnView view = returns.get(returnId);
		if (!returns.owns(view)) {
			throw new RuleViolationException("return", "report.notOwn");
		}
		Map<NarrativeSection, String> next = new EnumMap<>(NarrativeSection.class);
		for (Map.Entry<String, String> entry : texts.entrySet()) {
			NarrativeSection section = NarrativeSection.ofName(entry.getKey());
			if (section == null) {
				throw new RuleViolationException("section", "report.section.unknown", entry.getKey());
			}
			String text = entry.getValue() == null ? "" : entry.getValue().strip().replace("\r\n", "\n");
			if (text.length() > NarrativeSection.MAX_LENGTH) {
				throw new RuleViolationException(section.placeholder(), "report.section.tooLong",
						new org.springframework.context.support.DefaultMessageSourceResolvable(section.labelKey()),
						NarrativeSection.MAX_LENGTH);
			}
			next.put(section, text);
		}
		Map<NarrativeSection, String> before = narratives(returnId);
		Map<String, org.chamberlink.audit.Change> changes = new java.util.LinkedHashMap<>();
		next.forEach((section, text) -> {
			if (text.equals(before.get(section))) {
				return;
			}
			if (text.isEmpty()) {
				jdbc.sql("delete from report_narrative where return_id = :r and section = :s")
					.param("r", returnId).param("s", section.name()).update();
			}
			else {
				jdbc.sql("""
						insert into report_narrative (return_id, section, text, updated_by, updated_at) values (:r, :s, :t, :by, :now)
						on conflict (return_id, section) do update set text = excluded.text, updated_by = excluded.updated_by,
						    updated_at = excluded.updated_at
						""")
					.param("r", returnId).param("s", section.name()).param("t", text).param("by", accountId())
					.param("now", Timestamp.from(clock.instant())).update();
			}
			changes.put(section.placeholder(), new org.chamberlink.audit.Change(shorten(before.get(section)), shorten(text)));
		});
		if (!changes.isEmpty()) {
			audit.record(AuditEntry.of("REPORT_NARRATIVE_SAVED").entity("StatisticalReturn", returnId).org(view.orgId())
				.changes(changes).summary("audit.summary.reportNarrativeSaved", view.orgName(), view.year()));
		}
	}

	private static String shorten(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	// ---- the document ----

	/** The annual work report of the return's organisation and year as a .docx. */
	@Transactional(readOnly = true)
	public byte[] docx(Long returnId, Locale locale) {
		ReturnView view = returns.get(returnId);
		OrganizationSummary org = organizations.get(view.orgId());
		byte[] template = template(level(org)).content();
		WorkReportDocument document = new WorkReportDocument(view, returns.values(returnId), narratives(returnId), scope(org),
				returns.today(), messages, locale);
		return document.fill(template);
	}

	/** The same report as a PDF: the generated .docx drawn page by page. */
	@Transactional(readOnly = true)
	public byte[] pdf(Long returnId, Locale locale) {
		return WorkReportPdf.render(docx(returnId, locale));
	}

	/** The template level of an organisation: its federation level, or CHAMBER. */
	public static String level(OrganizationSummary org) {
		return org.type() == OrganizationType.FEDERATION && org.level() != null ? org.level() : "CHAMBER";
	}

	private static String scope(OrganizationSummary org) {
		return switch (level(org)) {
			case "PROVINCE" -> "全省";
			case "CITY" -> "全市";
			case "COUNTY" -> "全区";
			default -> "本会";
		};
	}

	// ---- templates ----

	/** A level's template: the one put in place, or the built-in default (fileName null). */
	public record Template(String level, String fileName, byte[] content, java.time.Instant uploadedAt) {

		public boolean replaced() {
			return fileName != null;
		}

	}

	@Transactional(readOnly = true)
	public Template template(String level) {
		if (!LEVELS.contains(level)) {
			throw new RuleViolationException("level", "report.template.levelUnknown");
		}
		Optional<Template> stored = jdbc.sql("select level, file_name, content, uploaded_at from report_template where level = :l")
			.param("l", level)
			.query((rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getTimestamp(4).toInstant()))
			.optional();
		return stored.orElseGet(() -> new Template(level, null, WorkReportTemplate.defaults(), null));
	}

	/**
	 * Puts a .docx in place of a level's template (system administrator only). Refused — nothing
	 * stored — for a file that is not a .docx, one above {@value #MAX_TEMPLATE_BYTES} bytes, or one
	 * naming a placeholder outside the set (the message names it).
	 */
	@Transactional
	@PreAuthorize(RoleGroups.SYSTEM)
	public void replaceTemplate(String level, String fileName, byte[] content) {
		if (!LEVELS.contains(level)) {
			throw new RuleViolationException("level", "report.template.levelUnknown");
		}
		if (content == null || content.length == 0) {
			throw new RuleViolationException("file", "report.template.fileRequired");
		}
		if (content.length > MAX_TEMPLATE_BYTES) {
			throw new RuleViolationException("file", "report.template.tooLarge", MAX_TEMPLATE_BYTES / 1024 / 1024);
		}
		try (XWPFDocument document = WorkReportTemplate.open(content)) {
			if (document == null) {
				throw new RuleViolationException("file", "report.template.notDocx");
			}
			for (String name : WorkReportTemplate.placeholders(document)) {
				if (!WorkReportTemplate.known(name)) {
					throw new RuleViolationException("file", "report.template.unknownPlaceholder", "{{" + name + "}}");
				}
			}
			for (String name : WorkReportTemplate.tablesOutsideBody(document)) {
				throw new RuleViolationException("file", "report.template.tableOutsideBody", "{{" + name + "}}");
			}
		}
		catch (java.io.IOException e) {
			throw new RuleViolationException("file", "report.template.notDocx");
		}
		String name = fileName == null || fileName.isBlank() ? level + ".docx" : fileName.strip();
		name = name.length() > 200 ? name.substring(name.length() - 200) : name;
		jdbc.sql("""
				insert into report_template (level, file_name, content, uploaded_by, uploaded_at) values (:l, :f, :c, :by, :now)
				on conflict (level) do update set file_name = excluded.file_name, content = excluded.content,
				    uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at
				""")
			.param("l", level).param("f", name).param("c", content).param("by", accountId())
			.param("now", Timestamp.from(clock.instant())).update();
		audit.record(AuditEntry.of("REPORT_TEMPLATE_REPLACED").entity("ReportTemplate", level)
			.summary("audit.summary.reportTemplateReplaced", level, name));
	}

	/** Goes back to the built-in default for a level (system administrator only). */
	@Transactional
	@PreAuthorize(RoleGroups.SYSTEM)
	public void resetTemplate(String level) {
		if (!LEVELS.contains(level)) {
			throw new RuleViolationException("level", "report.template.levelUnknown");
		}
		int removed = jdbc.sql("delete from report_template where level = :l").param("l", level).update();
		if (removed > 0) {
			audit.record(AuditEntry.of("REPORT_TEMPLATE_RESET").entity("ReportTemplate", level)
				.summary("audit.summary.reportTemplateReset", level));
		}
	}

	private static long accountId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal.id() : 0L;
	}

}
