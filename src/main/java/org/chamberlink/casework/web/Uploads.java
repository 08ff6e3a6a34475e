package org.chamberlink.casework.web;

import java.io.IOException;

import org.chamberlink.casework.Upload;

import org.springframework.web.multipart.MultipartFile;

/** A multipart file as the casework services take it; an empty field is no file. */
final class Uploads {

	private Uploads() {
	}

	static Upload of(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return null;
		}
		return new Upload(org.chamberlink.web.UploadNames.clean(file.getOriginalFilename()), file.getContentType(), file.getBytes());
	}

}
