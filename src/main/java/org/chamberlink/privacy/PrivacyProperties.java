package org.chamberlink.privacy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the personal-data key comes from.
 *
 * @param key the 32-byte key, Base64; set it (CHAMBERLINK_PRIVACY_KEY) in production
 * @param keyFile used when no key is set: read, or created on first start with owner-only
 * permissions, beside the embedded database; back it up with the database, a dump is useless
 * without it
 */
@ConfigurationProperties("chamberlink.privacy")
record PrivacyProperties(String key, @DefaultValue("./data/privacy.key") Path keyFile) {
}
