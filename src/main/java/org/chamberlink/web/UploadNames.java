package org.chamberlink.web;

/**
 * An uploaded file's name as it is kept: control characters (a NUL, which PostgreSQL cannot
 * store) taken out, since the name is the browser's, not typed by anyone (decision 30).
 */
public final class UploadNames {

	private UploadNames() {
	}

	public static String clean(String filename) {
		return filename == null ? null : filename.replaceAll("\\p{Cntrl}", "");
	}

}
