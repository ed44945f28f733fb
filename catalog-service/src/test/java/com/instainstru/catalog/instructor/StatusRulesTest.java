package com.instainstru.catalog.instructor;

import static com.instainstru.catalog.instructor.AccountStatus.active;
import static com.instainstru.catalog.instructor.AccountStatus.deactivated;
import static com.instainstru.catalog.instructor.AccountStatus.suspended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.catalog.instructor.StatusRequest.Action;
import com.instainstru.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final String SELF = InstructorService.SELF;
    private static final String ADMIN = InstructorService.ADMIN;

    @Test
    void allowedTransitions() {
        assertThat(StatusRules.next(active, SELF, Action.PAUSE)).isEqualTo(suspended);
        assertThat(StatusRules.next(suspended, SELF, Action.RESUME)).isEqualTo(active);
        assertThat(StatusRules.next(active, SELF, Action.DEACTIVATE)).isEqualTo(deactivated);
        assertThat(StatusRules.next(suspended, SELF, Action.DEACTIVATE)).isEqualTo(deactivated);
        assertThat(StatusRules.next(active, SELF, Action.SUSPEND)).isEqualTo(suspended);
        assertThat(StatusRules.next(suspended, ADMIN, Action.REACTIVATE)).isEqualTo(active);
        assertThat(StatusRules.next(deactivated, SELF, Action.REACTIVATE)).isEqualTo(active);
        assertThat(StatusRules.next(suspended, SELF, Action.SUSPEND)).as("an admin overrides a self-pause")
                .isEqualTo(suspended);
    }

    @Test
    void refusedTransitionsAreConflicts() {
        assertConflict(suspended, SELF, Action.PAUSE);
        assertConflict(deactivated, SELF, Action.PAUSE);
        assertConflict(active, SELF, Action.RESUME);
        assertConflict(suspended, ADMIN, Action.RESUME);
        assertConflict(deactivated, SELF, Action.RESUME);
        assertConflict(active, SELF, Action.REACTIVATE);
        assertConflict(deactivated, SELF, Action.DEACTIVATE);
        assertConflict(suspended, ADMIN, Action.SUSPEND);
        assertConflict(deactivated, SELF, Action.SUSPEND);
    }

    private static void assertConflict(AccountStatus from, String changedBy, Action action) {
        assertThatThrownBy(() -> StatusRules.next(from, changedBy, action))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
}
