package org.chamberlink.identity;

import java.util.Set;

/**
 * An account to create.
 *
 * @param username the sign-in name
 * @param displayName the person's name as shown in the UI
 * @param password the initial password in clear (hashed before it is stored)
 * @param orgId the organisation node, or null for an installation-wide account
 * @param roles what the account may do
 * @param mustChangePassword whether the first sign-in forces a new password
 */
public record NewAccount(String username, String displayName, String password, Long orgId, Set<Role> roles,
		boolean mustChangePassword) {
}
