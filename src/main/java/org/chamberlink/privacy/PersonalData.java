package org.chamberlink.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Encrypts, decrypts and hashes personal data. Ciphertext is {@code version || iv || AES-GCM};
 * the hash is an HMAC under a key derived from the same secret, so equal values can be found
 * without decrypting and a dump alone reveals nothing (not even by guessing phone numbers, which
 * a plain hash would allow).
 */
@Service
@EnableConfigurationProperties(PrivacyProperties.class)
public class PersonalData {

	private static final byte VERSION = 1;

	private static final int IV_BYTES = 12;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	// Provider lookups cost more than the cryptography itself on short values: one instance per
	// thread (an import encrypts 200,000 values on one thread).
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	PersonalData(PrivacyProperties properties) {
		byte[] master = PrivacyKey.load(properties);
		this.encryptionKey = new SecretKeySpec(derive(master, "encryption"), "AES");
		this.hashKey = new SecretKeySpec(derive(master, "lookup-hash"), "HmacSHA256");
	}

	/** The value encrypted, or null for null. */
	public byte[] encrypt(String value) {
		if (value == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(byte[] stored) {
		if (stored == null) {
			return null;
		}
		if (stored.length < 1 + IV_BYTES || stored[0] != VERSION) {
			throw new IllegalStateException("Unknown personal-data format");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 1, IV_BYTES));
			byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong personal-data key?", ex);
		}
	}

	/** The keyed hash used to find a value by exact match, or null for null. */
	public byte[] hash(String value) {
		if (value == null) {
			return null;
		}
		return macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
