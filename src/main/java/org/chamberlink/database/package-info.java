/**
 * The database the application runs on: an embedded PostgreSQL with a persistent data directory
 * when no {@code SPRING_DATASOURCE_URL} is configured, otherwise nothing (Boot's own DataSource).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.chamberlink.database;
