package org.chamberlink.notice;

/** A file as it was uploaded: its cleaned name, the type the browser declared, its bytes. */
public record NoticeUpload(String fileName, String contentType, byte[] content) {

	public NoticeUpload {
		content = content == null ? new byte[0] : content;
	}

}
