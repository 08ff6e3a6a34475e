package org.chamberlink.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bootstraps the module of the annotated test's package with the modules it depends on, and no
 * module that depends on it, over the real embedded PostgreSQL.
 * <p>
 * All dependencies, not only the direct ones: a direct dependency's beans need their own
 * dependencies (casework → member → region), and the alternative, mocking the second level, would
 * test less than the module's real behaviour against the database. Always included besides:
 * {@code database} for its DataSource, which starts PostgreSQL once per JVM and shares it with
 * every context (a module test costs a Spring context, never a second PostgreSQL or a second
 * migration), and {@code shared}, the kernel every module declares, whose Clock is injected as a
 * {@code java.time} type and so shows up as no code dependency, and {@code web}, whose problem
 * responses the security configuration of {@code identity} takes as a bean method's parameter
 * (a dependency the bootstrap does not follow). {@link WholeSchema} keeps Flyway's
 * view of the schema the same as the full application's. A module test's context serves its class
 * alone, so it is closed afterwards rather than left running its schedulers beside the suite's
 * shared context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "database", "shared", "web" })
@ActiveProfiles("test")
@DirtiesContext
@Import(WholeSchema.class)
public @interface ModuleTest {
}
