package org.chamberlink.organization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test fixture's endpoints that check no input, which the bad-input walk must catch. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DeliberatelyUnchecked {
}
