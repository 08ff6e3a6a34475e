package org.chamberlink.activity;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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

	/** The longer side of a thumbnail, in pixels. */
	static final int THUMBNAIL = 320;

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
				type = imageType(upload.content())
					.orElseThrow(() -> new RuleViolationException("file", "activity.file.notAPhoto", name));
				thumbnail = thumbnail(upload.content());
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

	/** The image type the content's first bytes show, for the four kinds every browser displays. */
	static Optional<String> imageType(byte[] content) {
		if (starts(content, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(content, 0, 'G', 'I', 'F', '8') && content.length > 5 && (content[4] == '7' || content[4] == '9')
				&& content[5] == 'a') {
			return Optional.of("image/gif");
		}
		if (starts(content, 0, 'R', 'I', 'F', 'F') && starts(content, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] content, int offset, int... expected) {
		if (content.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((content[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A JPEG at most {@link #THUMBNAIL} px on its longer side, or null where the JDK cannot read the
	 * image (WebP) or it is broken: the page then shows the photo itself, scaled. The image is read
	 * subsampled, so a photo of 8,000 × 6,000 px never needs its full size in memory.
	 */
	static byte[] thumbnail(byte[] content) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0) {
					return null;
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (THUMBNAIL * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage read = reader.read(0, param);
				double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(read.getWidth(), read.getHeight()));
				int w = Math.max(1, (int) Math.round(read.getWidth() * scale));
				int h = Math.max(1, (int) Math.round(read.getHeight() * scale));
				BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = small.createGraphics();
				try {
					g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
					// a transparent PNG on white, as the page's background
					g.setColor(Color.WHITE);
					g.fillRect(0, 0, w, h);
					g.drawImage(read, 0, 0, w, h, null);
				}
				finally {
					g.dispose();
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				return ImageIO.write(small, "jpg", out) ? out.toByteArray() : null;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

}
