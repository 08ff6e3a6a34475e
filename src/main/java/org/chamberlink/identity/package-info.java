/**
 * Accounts, roles, sign-in and the API's personal tokens. An account is bound to one node of the
 * organisation tree ({@code orgId}); the data scope of every other module starts from it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "audit", "web" })
package org.chamberlink.identity;
