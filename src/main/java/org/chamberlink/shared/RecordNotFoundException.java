package org.chamberlink.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that does not exist, or exists outside the caller's data scope: both answer 404, so
 * that another subtree's ids reveal nothing. Pages show the 404 page; the API a problem detail.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFoundException extends RuntimeException {

	private final String entityType;

	private final Object id;

	public RecordNotFoundException(String entityType, Object id) {
		super(entityType + " " + id + " not found");
		this.entityType = entityType;
		this.id = id;
	}

	public String entityType() {
		return entityType;
	}

	public Object id() {
		return id;
	}

}
