/**
 * The UI shell shared by all modules: layout, navigation, language switch, error pages, request
 * logging and RFC 9457 problem details for the API. It knows no feature module; modules add
 * themselves to the sidebar by declaring {@link org.chamberlink.web.NavigationItem} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = { "shared" })
package org.chamberlink.web;
