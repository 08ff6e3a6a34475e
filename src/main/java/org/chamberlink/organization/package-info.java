/**
 * The organisation tree (federations, associations, chambers) and the data scope every other
 * module applies: an account sees and changes only its organisation and what lies below it,
 * enforced in the query through {@link org.chamberlink.organization.DataScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations", allowedDependencies = { "identity", "region", "audit", "web" })
package org.chamberlink.organization;
