/**
 * Personal information (PIPL): identity card numbers and phone numbers are encrypted at rest
 * (AES-256-GCM), found by exact value through a keyed hash (HMAC-SHA-256), and shown masked.
 * The key comes from configuration, never from the repository.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = {})
package org.chamberlink.privacy;
