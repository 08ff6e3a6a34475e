/**
 * The organisation tree (federations, associations, chambers) and the data scope every other
 * module applies: an account sees and changes only its organisation and what lies below it,
 * enforced in the query through {@link org.chamberlink.organization.DataScope}. Publishes
 * {@link OrganizationRegistered} and {@link OrganizationDissolved}; {@link OrganizationMoved} is
 * declared for the move that does not exist yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations", allowedDependencies = { "shared", "identity", "region", "audit", "web" })
package org.chamberlink.organization;
