package org.chamberlink.member;

/**
 * A GB/T 4754-2017 section (A–T, {@code section} null) or division (01–97).
 */
public record Industry(String code, String name, String section) {

	public boolean isDivision() {
		return section != null;
	}

	public String label() {
		return code + " " + name;
	}

}
