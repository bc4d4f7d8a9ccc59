package org.eoslab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The slow tier: run by {@code mvn -B verify} (failsafe), left out of {@code mvn -B test} (surefire), which must
 * stay within five minutes on a 2-core machine. Only whole-run checks belong here: every shipped preset run in
 * full, the app storm, the live-app bench smoke.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {
    String TAG = "slow";
}
