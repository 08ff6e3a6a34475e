package org.chamberlink.disclosure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chamberlink.activity.ActivityMinutes;
import org.chamberlink.activity.ActivityMinutes.PassedResolution;
import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.disclosure.DisclosureFinances.IncomeLine;
import org.chamberlink.disclosure.DisclosureParts.FileContent;
import org.chamberlink.disclosure.Disclosures.Disclosure;
import org.chamberlink.identity.AccountPrincipal;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.UploadNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing a disclosure's draft — texts, documents, resolutions, expenses with vouchers — and
 * publishing it, which freezes its income as computed then; nothing of a published disclosure
 * changes. A refused step writes nothing.
 */
@Service
public class DisclosureDrafts {

	public record ResolutionForm(Long activityId, LocalDate heldOn, String meeting, String text) {
	}

	public record ExpenseForm(LocalDate spentOn, ExpenseCategory category, String purpose, String amount) {
	}

	private final JdbcClient jdbc;

	private final Disclosures disclosures;

	private final DisclosureFinances finances;

	private final ActivityMinutes minutes;

	private final AuditTrail audit;

	private final Clock clock;

	DisclosureDrafts(JdbcClient jdbc, Disclosures disclosures, DisclosureFinances finances, ActivityMinutes minutes,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.disclosures = disclosures;
		this.finances = finances;
		this.minutes = minutes;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void writeTexts(Long id, String partyText, String leadershipText) {
		Disclosure d = disclosures.draft(id);
		String party = optional("partyText", partyText, 8000);
		String leadership = optional("leadershipText", leadershipText, 4000);
		jdbc.sql("update disclosure set party_text = :p, leadership_text = :l, version = version + 1 where id = :id")
			.param("p", party).param("l", leadership).param("id", d.id()).update();
		audit.record(AuditEntry.of("DISCLOSURE_EDITED").entity("Disclosure", id).org(d.orgId()).summary(d.orgName() + " " + d.year()));
	}

	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addDocument(Long id, FileContent file) {
		Disclosure d = disclosures.draft(id);
		checkFile("document", file, "disclosure.document.required");
		Long doc = jdbc.sql("insert into disclosure_document (disclosure_id, name, type, bytes) values (:d, :n, :t, :b) returning id")
			.param("d", d.id()).param("n", name(file.name())).param("t", type(file.type())).param("b", file.bytes())
			.query(Long.class).single();
		audit.record(AuditEntry.of("DISCLOSURE_EDITED").entity("Disclosure", id).org(d.orgId()).summary(name(file.name())));
		return doc;
	}

	/** The resolutions the organisation's meetings of the year passed, which the draft may publish. */
	@Transactional(readOnly = true)
	public List<PassedResolution> resolutionChoices(Long id) {
		Disclosure d = disclosures.get(id);
		return minutes.passedResolutions(d.orgId(), LocalDate.of(d.year(), 1, 1), LocalDate.of(d.year(), 12, 31));
	}

	/**
	 * Adds a resolution: taken from the minutes (the activity and the text must be a resolution its
	 * meeting of that year passed), or typed (text, and the meeting and day if known).
	 */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addResolution(Long id, ResolutionForm form) {
		Disclosure d = disclosures.draft(id);
		String text;
		LocalDate heldOn;
		String meeting;
		if (form.activityId() != null) {
			PassedResolution picked = resolutionChoices(id).stream()
				.filter(r -> r.activityId().equals(form.activityId()) && r.text().equals(form.text()))
				.findFirst()
				.orElseThrow(() -> new RuleViolationException("text", "disclosure.resolution.notInMinutes"));
			text = picked.text();
			heldOn = picked.heldOn();
			meeting = picked.meeting();
		}
		else {
			text = required("text", form.text(), 500);
			heldOn = form.heldOn();
			if (heldOn != null && heldOn.getYear() != d.year()) {
				throw new RuleViolationException("heldOn", "disclosure.date.outsideYear", String.valueOf(d.year()));
			}
			meeting = optional("meeting", form.meeting(), 200);
		}
		Long line = jdbc.sql("""
				insert into disclosure_resolution (disclosure_id, activity_id, held_on, meeting, text)
				values (:d, :a, :on, :m, :t) returning id
				""").param("d", d.id()).param("a", form.activityId()).param("on", heldOn).param("m", meeting).param("t", text)
			.query(Long.class).single();
		audit.record(AuditEntry.of("DISCLOSURE_EDITED").entity("Disclosure", id).org(d.orgId()).summary(text));
		return line;
	}

	/** An expense with its voucher (a file): without a voucher it is refused and nothing is written. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public Long addExpense(Long id, ExpenseForm form, FileContent voucher) {
		Disclosure d = disclosures.draft(id);
		if (form.spentOn() == null) {
			throw new RuleViolationException("spentOn", "disclosure.required");
		}
		if (form.spentOn().getYear() != d.year()) {
			throw new RuleViolationException("spentOn", "disclosure.date.outsideYear", String.valueOf(d.year()));
		}
		if (form.category() == null) {
			throw new RuleViolationException("category", "disclosure.required");
		}
		String purpose = required("purpose", form.purpose(), 300);
		Long fen = Fen.parse(form.amount());
		if (fen == null || fen == 0) {
			throw new RuleViolationException("amount", "disclosure.amount.invalid");
		}
		checkFile("voucher", voucher, "disclosure.expense.voucherRequired");
		Long expense = jdbc.sql("""
				insert into disclosure_expense (disclosure_id, spent_on, category, purpose, amount_fen, voucher_name, voucher_type, voucher)
				values (:d, :on, :c, :p, :fen, :n, :t, :v) returning id
				""").param("d", d.id()).param("on", form.spentOn()).param("c", form.category().name()).param("p", purpose)
			.param("fen", fen).param("n", name(voucher.name())).param("t", type(voucher.type())).param("v", voucher.bytes())
			.query(Long.class).single();
		audit.record(AuditEntry.of("DISCLOSURE_EXPENSE_ADDED").entity("Disclosure", id).org(d.orgId())
			.summary(purpose + " ¥" + Fen.format(fen)));
		return expense;
	}

	/** Publishes the draft to the organisation's members, freezing its income as computed now. */
	@Transactional
	@PreAuthorize(RoleGroups.ADMINS)
	public void publish(Long id, AccountPrincipal me) {
		Disclosure d = disclosures.draft(id);
		for (IncomeLine line : finances.computedIncome(d.orgId(), d.year())) {
			jdbc.sql("insert into disclosure_income (disclosure_id, source, category, amount_fen) values (:d, :s, :c, :fen)")
				.param("d", d.id()).param("s", line.source().name()).param("c", line.category()).param("fen", line.amountFen())
				.update();
		}
		jdbc.sql("update disclosure set status = 'PUBLISHED', published_at = :at, published_by = :by, version = version + 1"
				+ " where id = :id").param("at", Timestamp.from(clock.instant())).param("by", me == null ? null : me.id())
			.param("id", d.id()).update();
		audit.record(AuditEntry.of("DISCLOSURE_PUBLISHED").entity("Disclosure", id).org(d.orgId()).summary(d.orgName() + " " + d.year()));
	}

	/** A file is there and not too large. */
	private static void checkFile(String field, FileContent file, String requiredKey) {
		if (file == null || file.bytes() == null || file.bytes().length == 0) {
			throw new RuleViolationException(field, requiredKey);
		}
		if (file.bytes().length > Disclosures.MAX_FILE) {
			throw new RuleViolationException(field, "disclosure.file.tooLarge");
		}
	}

	private static String required(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text == null) {
			throw new RuleViolationException(field, "disclosure.required");
		}
		return text;
	}

	private static String optional(String field, String value, int max) {
		String text = value == null || value.isBlank() ? null : value.strip();
		if (text != null && text.length() > max) {
			throw new RuleViolationException(field, "disclosure.tooLong", max);
		}
		return text;
	}

	private static String name(String name) {
		String n = name == null || name.isBlank() ? "file" : UploadNames.clean(name);
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

	private static String type(String type) {
		return type == null || type.isBlank() ? "application/octet-stream" : type.length() > 100 ? type.substring(0, 100) : type;
	}

}
