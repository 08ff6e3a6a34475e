package org.chamberlink.activity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.chamberlink.activity.ActivityFiles;
import org.chamberlink.identity.RoleGroups;
import org.chamberlink.shared.RuleViolationException;
import org.chamberlink.web.UploadNames;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An activity's documents and photos: uploading (several at once), removing one, downloading one.
 * A document is always a download; a photo, whose type its content proved, opens in the browser,
 * and its thumbnail is what the minutes page shows.
 */
@Controller
class ActivityFileController {

	private final ActivityFiles files;

	private final MinutesPage page;

	ActivityFileController(ActivityFiles files, MinutesPage page) {
		this.files = files;
		this.page = page;
	}

	@PostMapping("/activities/{id}/files")
	@PreAuthorize(RoleGroups.WORKERS)
	String upload(@PathVariable Long id, @RequestParam(name = "file", required = false) List<MultipartFile> file,
			@RequestParam(required = false) String purpose, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		try {
			files.add(id, purpose(purpose), uploads(file));
		}
		catch (RuleViolationException e) {
			return page.refusedUpload(id, e, purpose, locale, model, response);
		}
		redirect.addFlashAttribute("success", "activity.file.added");
		return "redirect:/activities/" + id + "/minutes#files";
	}

	@PostMapping("/activities/{id}/files/{fileId}/remove")
	@PreAuthorize(RoleGroups.WORKERS)
	String remove(@PathVariable Long id, @PathVariable Long fileId, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			files.remove(id, fileId);
		}
		catch (RuleViolationException e) {
			return page.refusedUpload(id, e, null, locale, model, response);
		}
		redirect.addFlashAttribute("success", "activity.file.removed");
		return "redirect:/activities/" + id + "/minutes#files";
	}

	@GetMapping("/activities/{id}/files/{fileId}")
	@PreAuthorize(RoleGroups.READERS)
	ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long fileId) {
		return send(files.download(id, fileId));
	}

	@GetMapping("/activities/{id}/files/{fileId}/thumbnail")
	@PreAuthorize(RoleGroups.READERS)
	ResponseEntity<byte[]> thumbnail(@PathVariable Long id, @PathVariable Long fileId) {
		ActivityFiles.Download file = files.thumbnail(id, fileId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(file.content());
	}

	private static ResponseEntity<byte[]> send(ActivityFiles.Download file) {
		boolean photo = file.purpose() == ActivityFiles.Purpose.PHOTO;
		ContentDisposition disposition = (photo ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(photo ? MediaType.parseMediaType(file.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(file.content());
	}

	/** An unknown purpose is none, which the service refuses on its field. */
	private static ActivityFiles.Purpose purpose(String purpose) {
		try {
			return purpose == null || purpose.isBlank() ? null : ActivityFiles.Purpose.valueOf(purpose);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static List<ActivityFiles.Upload> uploads(List<MultipartFile> parts) throws IOException {
		List<ActivityFiles.Upload> uploads = new ArrayList<>();
		if (parts != null) {
			for (MultipartFile part : parts) {
				if (part != null && !part.isEmpty()) {
					uploads.add(new ActivityFiles.Upload(UploadNames.clean(part.getOriginalFilename()), part.getContentType(),
							part.getBytes()));
				}
			}
		}
		return uploads;
	}

}
