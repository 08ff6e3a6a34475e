package org.chamberlink.welfare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.organization.DataScope;
import org.chamberlink.organization.DataScopes;
import org.chamberlink.shared.ChinaTime;
import org.chamberlink.shared.Fen;
import org.chamberlink.shared.Photos;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.shared.TextLimit;
import org.chamberlink.welfare.Pairings.Pairing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects under a pairing: money committed, money delivered as dated payments (never edited: a
 * correction is a new negative entry naming the one it corrects), goods valued in money, people
 * employed, beneficiaries, progress reports with a photo, completion. Delivered above committed is
 * allowed and flagged. Each payment publishes {@link PairingProjectDelivered}.
 */
@Service
public class Projects {

	private static final String COLUMNS = """
			select j.id, j.pairing_id, j.org_path, j.name, j.kind, j.committed_fen, j.goods_fen, j.people_employed, j.beneficiaries,
			       j.started_on, j.completed_on,
			       (select coalesce(sum(m.amount_fen), 0) from welfare_payment m where m.project_id = j.id) as delivered_fen
			from welfare_project j
			""";

	public record Project(Long id, Long pairingId, String orgPath, String name, HelpKind kind, long committedFen, long goodsFen,
			int peopleEmployed, int beneficiaries, LocalDate startedOn, LocalDate completedOn, long deliveredFen) {

		/** Delivered above what was committed: allowed, and flagged. */
		public boolean overCommitted() {
			return deliveredFen > committedFen;
		}

		public String committed() {
			return Fen.format(committedFen);
		}

		public String delivered() {
			return Fen.format(deliveredFen);
		}

		public String goods() {
			return Fen.format(goodsFen);
		}

	}

	public record Payment(Long id, Long projectId, LocalDate paidOn, long amountFen, String note, Long correctsId) {

		public String amount() {
			return (amountFen < 0 ? "-" : "") + Fen.format(Math.abs(amountFen));
		}

	}

	public record Progress(Long id, Long projectId, LocalDate reportedOn, String text, String photoName, boolean hasPhoto) {
	}

	/** Amounts are typed in yuan (¥50,000 or 50000.00). */
	public record ProjectForm(String name, HelpKind kind, String committed, String goods, Integer peopleEmployed,
			Integer beneficiaries, LocalDate startedOn) {
	}

	public record PaymentForm(LocalDate paidOn, String amount, String note) {
	}

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Pairings pairings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Projects(JdbcClient jdbc, DataScopes scopes, Pairings pairings, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.pairings = pairings;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Project> find(Long id) {
		DataScope scope = scopes.current();
		return jdbc.sql(COLUMNS + " where j.id = :id and " + scope.on("j.org_path")).param("id", id).params(scope.param())
			.query(Project.class).optional();
	}

	public Project get(Long id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("Project", id));
	}

	@Transactional(readOnly = true)
	public List<Project> ofPairing(Long pairingId) {
		Pairing pairing = pairings.get(pairingId);
		return jdbc.sql(COLUMNS + " where j.pairing_id = :p order by j.started_on, j.id").param("p", pairing.id())
			.query(Project.class).list();
	}

	@Transactional(readOnly = true)
	public List<Payment> payments(Long projectId) {
		Project project = get(projectId);
		return jdbc.sql("select id, project_id, paid_on, amount_fen, note, corrects_id from welfare_payment where project_id = :p"
				+ " order by paid_on, id").param("p", project.id()).query(Payment.class).list();
	}

	@Transactional(readOnly = true)
	public List<Progress> progress(Long projectId) {
		Project project = get(projectId);
		return jdbc.sql("select id, project_id, reported_on, text, photo_name, photo is not null as has_photo from welfare_progress"
				+ " where project_id = :p order by reported_on desc, id desc").param("p", project.id()).query(Progress.class).list();
	}

	/** A progress report's photo (name, type, bytes), if the project is in scope. */
	@Transactional(readOnly = true)
	public Optional<Photo> photo(Long progressId) {
		DataScope scope = scopes.current();
		return jdbc.sql("select r.photo_name as name, r.photo_type as type, r.photo as bytes from welfare_progress r"
				+ " join welfare_project j on j.id = r.project_id where r.id = :id and r.photo is not null and " + scope.on("j.org_path"))
			.param("id", progressId).params(scope.param()).query(Photo.class).optional();
	}

	public record Photo(String name, String type, byte[] bytes) {
	}

	@Transactional
	public Long create(Long pairingId, ProjectForm form) {
		Pairing pairing = pairings.get(pairingId);
		String name = Pairings.blankToNull(form.name());
		if (name == null) {
			throw new RuleViolationException("name", "welfare.required");
		}
		TextLimit.atMost("name", "name", name, 200);
		if (form.kind() == null) {
			throw new RuleViolationException("kind", "welfare.required");
		}
		Long committed = money("committed", form.committed(), true);
		Long goods = form.goods() == null || form.goods().isBlank() ? Long.valueOf(0) : money("goods", form.goods(), true);
		int employed = count("peopleEmployed", form.peopleEmployed());
		int beneficiaries = count("beneficiaries", form.beneficiaries());
		Long id = jdbc.sql("""
				insert into welfare_project (pairing_id, org_path, name, kind, committed_fen, goods_fen, people_employed, beneficiaries, started_on)
				values (:pairing, :path, :name, :kind, :committed, :goods, :employed, :beneficiaries, :started) returning id
				""")
			.param("pairing", pairing.id())
			.param("path", pairing.orgPath())
			.param("name", name)
			.param("kind", form.kind().name())
			.param("committed", committed)
			.param("goods", goods)
			.param("employed", employed)
			.param("beneficiaries", beneficiaries)
			.param("started", form.startedOn() == null ? today() : form.startedOn())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("WELFARE_PROJECT_CREATED").entity("WelfareProject", id).org(pairing.orgId())
			.summary(name + "：¥" + Fen.format(committed) + "（" + pairing.villageName() + "）"));
		return id;
	}

	/**
	 * Records money delivered on a day: a positive amount. Above what was committed it is written
	 * and flagged. A completed project takes no more payments.
	 */
	@Transactional
	public Long pay(Long projectId, PaymentForm form) {
		Project project = lock(projectId);
		if (project.completedOn() != null) {
			throw new RuleViolationException("amount", "welfare.project.completed");
		}
		Long amount = money("amount", form.amount(), false);
		if (amount == 0) {
			throw new RuleViolationException("amount", "welfare.money.positive");
		}
		if (form.paidOn() == null) {
			throw new RuleViolationException("paidOn", "welfare.required");
		}
		if (form.paidOn().isAfter(today())) {
			throw new RuleViolationException("paidOn", "welfare.date.future");
		}
		TextLimit.atMost("note", "note", form.note(), 300);
		return entry(project, form.paidOn(), amount, Pairings.blankToNull(form.note()), null);
	}

	/** Corrects a payment by a new entry of the opposite amount, dated today, naming it; a payment is corrected once. */
	@Transactional
	public Long correct(Long paymentId, String reason) {
		DataScope scope = scopes.current();
		Payment payment = jdbc.sql("select m.id, m.project_id, m.paid_on, m.amount_fen, m.note, m.corrects_id from welfare_payment m"
				+ " where m.id = :id and " + scope.on("m.org_path")).param("id", paymentId).params(scope.param())
			.query(Payment.class).optional().orElseThrow(() -> new RecordNotFoundException("Payment", paymentId));
		String why = Pairings.blankToNull(reason);
		if (why == null) {
			throw new RuleViolationException("reason", "welfare.required");
		}
		TextLimit.atMost("reason", "reason", why, 300);
		boolean corrected = payment.correctsId() != null || jdbc.sql("select exists (select 1 from welfare_payment where corrects_id = :id)")
			.param("id", payment.id()).query(Boolean.class).single();
		if (corrected) {
			throw new RuleViolationException("reason", "welfare.payment.alreadyCorrected");
		}
		Project project = lock(payment.projectId());
		return entry(project, today(), -payment.amountFen(), why, payment.id());
	}

	private Long entry(Project project, LocalDate on, long amount, String note, Long corrects) {
		Long id = jdbc.sql("""
				insert into welfare_payment (project_id, org_path, paid_on, amount_fen, note, corrects_id)
				values (:project, :path, :on, :amount, :note, :corrects) returning id
				""")
			.param("project", project.id())
			.param("path", project.orgPath())
			.param("on", on)
			.param("amount", amount)
			.param("note", note)
			.param("corrects", corrects)
			.query(Long.class)
			.single();
		Pairing pairing = pairings.get(project.pairingId());
		boolean over = project.deliveredFen() + amount > project.committedFen();
		audit.record(AuditEntry.of(corrects == null ? "WELFARE_PAYMENT_RECORDED" : "WELFARE_PAYMENT_CORRECTED")
			.entity("WelfarePayment", id).org(pairing.orgId())
			.summary(project.name() + "：" + (amount < 0 ? "-" : "") + "¥" + Fen.format(Math.abs(amount)) + "，" + on
					+ (note != null ? "，" + note : "")));
		events.publishEvent(new PairingProjectDelivered(id, project.id(), pairing.id(), pairing.orgId(), pairing.orgPath(),
				pairing.parties(), pairing.chambers(), amount, on, over));
		return id;
	}

	@Transactional
	public Long report(Long projectId, LocalDate on, String text, String photoName, String photoType, byte[] photo) {
		Project project = get(projectId);
		String words = Pairings.blankToNull(text);
		if (words == null) {
			throw new RuleViolationException("text", "welfare.required");
		}
		TextLimit.atMost("text", "text", words, 2000);
		boolean hasPhoto = photo != null && photo.length > 0;
		// the bytes decide, not the name or what the browser says: the photo is served with this type
		String type = !hasPhoto ? null : Photos.imageType(photo)
			.orElseThrow(() -> new RuleViolationException("photo", "welfare.photo.notImage"));
		Long id = jdbc.sql("""
				insert into welfare_progress (project_id, reported_on, text, photo_name, photo_type, photo)
				values (:project, :on, :text, :name, :type, :photo) returning id
				""")
			.param("project", project.id())
			.param("on", on == null ? today() : on)
			.param("text", words)
			.param("name", hasPhoto ? photoName : null)
			.param("type", type)
			.param("photo", hasPhoto ? photo : null)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("WELFARE_PROGRESS_REPORTED").entity("WelfareProject", project.id())
			.org(pairings.get(project.pairingId()).orgId()).summary(project.name() + "：" + words));
		return id;
	}

	@Transactional
	public void complete(Long projectId, LocalDate on) {
		Project project = lock(projectId);
		if (project.completedOn() != null) {
			throw new RuleViolationException("completedOn", "welfare.project.completed");
		}
		LocalDate day = on == null ? today() : on;
		if (day.isBefore(project.startedOn())) {
			throw new RuleViolationException("completedOn", "welfare.dates.order");
		}
		jdbc.sql("update welfare_project set completed_on = :on where id = :id").param("on", day).param("id", project.id()).update();
		audit.record(AuditEntry.of("WELFARE_PROJECT_COMPLETED").entity("WelfareProject", project.id())
			.org(pairings.get(project.pairingId()).orgId()).summary(project.name() + "，" + day));
	}

	private Project lock(Long projectId) {
		Project project = get(projectId);
		jdbc.sql("select id from welfare_project where id = :id for update").param("id", project.id()).query(Long.class).single();
		return get(projectId);
	}

	/** A yuan amount typed in a field, in fen; refused when it is not one. */
	static Long money(String field, String typed, boolean zeroAllowed) {
		if (typed == null || typed.isBlank()) {
			throw new RuleViolationException(field, "welfare.required");
		}
		Long fen = Fen.parse(typed);
		if (fen == null) {
			throw new RuleViolationException(field, typed.strip().startsWith("-") ? "welfare.money.positive" : "welfare.money.invalid");
		}
		if (fen == 0 && !zeroAllowed) {
			throw new RuleViolationException(field, "welfare.money.positive");
		}
		return fen;
	}

	private static int count(String field, Integer value) {
		if (value == null) {
			return 0;
		}
		if (value < 0) {
			throw new RuleViolationException(field, "welfare.count.negative");
		}
		return value;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

}
