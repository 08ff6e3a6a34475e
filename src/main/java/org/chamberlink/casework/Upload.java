package org.chamberlink.casework;

/** A file handed in with a case (an attachment, a mediation agreement). */
public record Upload(String fileName, String contentType, byte[] content) {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	public boolean present() {
		return content != null && content.length > 0;
	}

}
