package org.chamberlink.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload the server has no room for (issue 23, decision 54): the servlet container writes an
 * arriving file to its upload directory before anything else reads the request; when that fails —
 * the disk is full, the directory is gone or not writable — the request answers 507 Insufficient
 * Storage with the message that nothing was saved (the error page for a page, a problem detail under
 * {@code /api/}). Nothing is half-written: the request never reached a controller, and the files
 * themselves are kept in the database in the same transaction as their record, so a database that
 * is full refuses the whole write (53100, also 507, web.UnroutedErrorHandler).
 *
 * <p>
 * The request is read here, before Spring Security: afterwards the CSRF check would find no token in
 * the unreadable body and answer a misleading 403. A body that fails for another reason (cut off,
 * malformed, too large) goes on as before.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 2)
class StorageFull extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(StorageFull.class);

	private final ObjectProvider<MultipartConfigElement> multipart;

	private final ErrorAnswers answers;

	private final ProblemResponses problems;

	StorageFull(ObjectProvider<MultipartConfigElement> multipart, ErrorAnswers answers, ProblemResponses problems) {
		this.multipart = multipart;
		this.answers = answers;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
				|| type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (NulCharacterFilter.isInvalidFileName(e)) {
				// a file name with a NUL: Tomcat throws while reading the body, here first (NulCharacterFilter's answer)
				NulCharacterFilter.refuseFileName(problems, request, response);
				return;
			}
			Path dir = StorageHealth.uploadTemp(request.getServletContext(), multipart.getIfAvailable());
			if (noRoom(e, dir, request.getContentLengthLong())) {
				log.warn("Upload refused, no room in {} for {} bytes on {} {}: {}", dir, request.getContentLengthLong(),
						request.getMethod(), request.getRequestURI(), e.getMessage());
				answer(request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** The failure came from the disk: no space left, or a directory that cannot take the file. */
	static boolean noRoom(Throwable failure, Path dir, long length) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.contains("No space left") || message.contains("Disk quota exceeded"))) {
				return true;
			}
		}
		if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
			return true;
		}
		return length > 0 && dir.toFile().getUsableSpace() < length;
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		answers.answer(request, response, HttpStatus.INSUFFICIENT_STORAGE, "problem.storageFull");
	}

}
