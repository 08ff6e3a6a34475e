package org.chamberlink.organization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test fixture's leaky endpoint, which the scope walk must catch, not skip silently. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DeliberatelyUnscoped {
}
