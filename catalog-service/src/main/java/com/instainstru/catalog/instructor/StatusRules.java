package com.instainstru.catalog.instructor;

import com.instainstru.catalog.infra.ApiException;
import com.instainstru.catalog.instructor.StatusRequest.Action;

/** Which account status an action leads to, or why it is refused (409). Pure, so it is tested alone. */
final class StatusRules {

    private StatusRules() {
    }

    static AccountStatus next(AccountStatus current, String changedBy, Action action, String actor) {
        return switch (action) {
            case PAUSE, SUSPEND -> {
                require(current == AccountStatus.active, "only an active account can be " + pastTense(action));
                yield AccountStatus.suspended;
            }
            case RESUME -> {
                require(current == AccountStatus.suspended, "only a paused account can be resumed");
                require(InstructorService.SELF.equals(changedBy),
                        "this account was suspended by an admin; only an admin can reactivate it");
                yield AccountStatus.active;
            }
            case REACTIVATE -> {
                require(current != AccountStatus.active, "the account is already active");
                yield AccountStatus.active;
            }
            case DEACTIVATE -> {
                require(current != AccountStatus.deactivated, "the account is already deactivated");
                yield AccountStatus.deactivated;
            }
        };
    }

    private static String pastTense(Action action) {
        return action == Action.PAUSE ? "paused" : "suspended";
    }

    private static void require(boolean condition, String refusal) {
        if (!condition) {
            throw ApiException.conflict(refusal);
        }
    }
}
