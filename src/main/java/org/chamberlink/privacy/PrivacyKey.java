package org.chamberlink.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/** Loads the personal-data key from configuration, or from (a newly created) key file. */
final class PrivacyKey {

	private static final Logger log = LoggerFactory.getLogger(PrivacyKey.class);

	private PrivacyKey() {
	}

	static byte[] load(PrivacyProperties properties) {
		if (StringUtils.hasText(properties.key())) {
			return decode(properties.key().trim(), "chamberlink.privacy.key");
		}
		Path file = properties.keyFile().toAbsolutePath().normalize();
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the file inherits the directory's permissions.
			}
			log.warn("Created a new personal-data key in {}. Back it up with the database: without it the "
					+ "encrypted identity numbers and phones cannot be read. In production set "
					+ "CHAMBERLINK_PRIVACY_KEY instead.", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the personal-data key file " + file, ex);
		}
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The personal-data key in " + source + " is not Base64", ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException("The personal-data key in " + source + " must be 32 bytes (Base64 of 32 "
					+ "random bytes, e.g. openssl rand -base64 32), not " + key.length);
		}
		return key;
	}

}
