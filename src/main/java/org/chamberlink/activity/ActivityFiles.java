package org.chamberlink.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.chamberlink.audit.AuditEntry;
import org.chamberlink.audit.AuditTrail;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.Photos;
import org.chamberlink.shared.RecordNotFoundException;
import org.chamberlink.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents and photos of an activity (the minutes' attachments): kept in the database with the
 * activity, at most {@link #MAX_BYTES} each as a case's files are. A photo must be a JPEG, PNG, GIF
 * or WebP image by its content, whatever its name or the browser says; its thumbnail is made once
 * when it is uploaded. Files of an activity the caller cannot see are not found; once the activity
 * is closed (its ledger entry complete) or cancelled nothing is added or removed.
 */
@Service
public class ActivityFiles {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Most files one upload takes. */
	public static final int MAX_FILES = 20;

	/** What a file is for: a document (agenda, sign-in sheet, report) or a photo of the activity. */
	public enum Purpose {
		DOCUMENT, PHOTO
	}

	/** A file handed in: its name as the browser gave it, its type as it said, its content. */
	public record Upload(String fileName, String contentType, byte[] content) {

		public boolean present() {
			return content != null && content.length > 0;
		}

	}

	/** A file as the page lists it, without its content. */
	public record ActivityFile(Long id, Long activityId, Purpose purpose, String fileName, String contentType, int sizeBytes,
			boolean hasThumbnail, Instant uploadedAt) {

		public boolean photo() {
			return purpose == Purpose.PHOTO;
		}

	}

	/** A file to send: a photo with the image type its content showed, anything else as a download. */
	public record Download(String fileName, String contentType, Purpose purpose, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final Activities activities;

	private final AuditTrail audit;

	private final Clock clock;

	ActivityFiles(JdbcClient jdbc, Activities activities, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.audit = audit;
		this.clock = clock;
	}

	/** Adds the files, all or none: a refusal names the file (its position among those sent) on the field {@code file}. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public List<Long> add(Long activityId, Purpose purpose, List<Upload> uploads) {
		ActivityView activity = open(activityId);
		if (purpose == null) {
			throw new RuleViolationException("purpose", "activity.file.purposeRequired");
		}
		List<Upload> given = uploads == null ? List.of() : uploads.stream().filter(u -> u != null && u.present()).toList();
		if (given.isEmpty()) {
			throw new RuleViolationException("file", "activity.file.required");
		}
		if (given.size() > MAX_FILES) {
			throw new RuleViolationException("file", "activity.file.tooMany", MAX_FILES);
		}
		java.util.ArrayList<Long> ids = new java.util.ArrayList<>();
		for (Upload upload : given) {
			String name = name(upload.fileName());
			if (upload.content().length > MAX_BYTES) {
				throw new RuleViolationException("file", "activity.file.tooLarge", name, MAX_BYTES / 1024 / 1024);
			}
			String type;
			byte[] thumbnail = null;
			if (purpose == Purpose.PHOTO) {
				type = Photos.imageType(upload.content())
					.orElseThrow(() -> new RuleViolationException("file", "activity.file.notAPhoto", name));
				thumbnail = Photos.thumbnail(upload.content());
			}
			else {
				type = upload.contentType() == null || upload.contentType().isBlank() || upload.contentType().length() > 100
						? "application/octet-stream" : upload.contentType();
			}
			ids.add(jdbc.sql("""
					insert into activity_file (activity_id, purpose, file_name, content_type, size_bytes, content, thumbnail,
					    uploaded_by, uploaded_at)
					values (:activity, :purpose, :name, :type, :size, :content, :thumbnail, :by, :now)
					returning id
					""")
				.param("activity", activityId)
				.param("purpose", purpose.name())
				.param("name", name)
				.param("type", type)
				.param("size", upload.content().length)
				.param("content", upload.content())
				.param("thumbnail", thumbnail)
				.param("by", ActivityActor.accountId())
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query(Long.class)
				.single());
		}
		audit.record(AuditEntry.of("ACTIVITY_FILE_ADDED").entity("Activity", activityId).org(activity.orgId())
			.summary(given.stream().map(u -> name(u.fileName())).collect(java.util.stream.Collectors.joining("、"))));
		return ids;
	}

	/** Removes a file put there by mistake, while the activity is still open for its record. */
	@Transactional
	@PreAuthorize(RoleGroups.WORKERS)
	public void remove(Long activityId, Long fileId) {
		ActivityView activity = open(activityId);
		String name = jdbc.sql("delete from activity_file where id = :id and activity_id = :activity returning file_name")
			.param("id", fileId)
			.param("activity", activityId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("ActivityFile", fileId));
		audit.record(AuditEntry.of("ACTIVITY_FILE_REMOVED").entity("Activity", activityId).org(activity.orgId()).summary(name));
	}

	/** The files of an activity the caller can see, documents first, each in the order uploaded. */
	@Transactional(readOnly = true)
	public List<ActivityFile> of(Long activityId) {
		activities.get(activityId);
		return jdbc.sql("""
				select id, activity_id, purpose, file_name, content_type, size_bytes, thumbnail is not null as has_thumbnail,
				       uploaded_at
				from activity_file where activity_id = :activity order by purpose, id
				""").param("activity", activityId).query(ActivityFile.class).list();
	}

	/** One file of an activity the caller can see; else not found. */
	@Transactional(readOnly = true)
	public Download download(Long activityId, Long fileId) {
		activities.get(activityId);
		return jdbc.sql("select file_name, content_type, purpose, content from activity_file where id = :id and activity_id = :activity")
			.param("id", fileId)
			.param("activity", activityId)
			.query(Download.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("ActivityFile", fileId));
	}

	/** A photo's thumbnail (JPEG), or the photo itself where none could be made; not found for a document. */
	@Transactional(readOnly = true)
	public Download thumbnail(Long activityId, Long fileId) {
		activities.get(activityId);
		return jdbc.sql("""
				select file_name, case when thumbnail is null then content_type else 'image/jpeg' end as content_type, purpose,
				       coalesce(thumbnail, content) as content
				from activity_file where id = :id and activity_id = :activity and purpose = 'PHOTO'
				""")
			.param("id", fileId)
			.param("activity", activityId)
			.query(Download.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("ActivityFile", fileId));
	}

	private ActivityView open(Long activityId) {
		ActivityView activity = activities.get(activityId);
		if (activity.status() == ActivityStatus.CLOSED || activity.status() == ActivityStatus.CANCELLED) {
			throw new RuleViolationException("file", "activity.file.closed");
		}
		return activity;
	}

	private static String name(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
		// a path some browsers send (C:\fakepath\…) is not part of the name
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (name.isBlank()) {
			name = "file";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

}
