package org.chamberlink.notice.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.chamberlink.notice.NoticeFiles;
import org.chamberlink.notice.NoticeUpload;
import org.chamberlink.web.UploadNames;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Uploads as the notice module takes them, and a stored file as a download. */
final class NoticeUploads {

	private NoticeUploads() {
	}

	static List<NoticeUpload> of(List<MultipartFile> parts) {
		List<NoticeUpload> uploads = new ArrayList<>();
		if (parts != null) {
			for (MultipartFile part : parts) {
				NoticeUpload upload = of(part);
				if (upload != null) {
					uploads.add(upload);
				}
			}
		}
		return uploads;
	}

	static NoticeUpload of(MultipartFile part) {
		if (part == null || part.isEmpty()) {
			return null;
		}
		try {
			return new NoticeUpload(UploadNames.clean(part.getOriginalFilename()), part.getContentType(), part.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Always a download ({@code Content-Disposition: attachment}) with the stored type, never sniffed
	 * ({@code nosniff}) and sandboxed should a browser open it anyway: a stored HTML or SVG file never
	 * runs in the application's origin.
	 */
	static ResponseEntity<byte[]> send(NoticeFiles.Download file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.body(file.content());
	}

}
