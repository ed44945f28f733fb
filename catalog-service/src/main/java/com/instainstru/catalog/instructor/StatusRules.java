package com.instainstru.catalog.instructor;

import com.instainstru.catalog.instructor.StatusRequest.Action;
import com.instainstru.platform.problem.ApiException;

/** Which account status an action leads to, or why it is refused (409). Pure, so it is tested alone. */
final class StatusRules {

    private StatusRules() {
    }

    static AccountStatus next(AccountStatus current, String changedBy, Action action) {
        return switch (action) {
            case PAUSE -> {
                require(current == AccountStatus.active, "only an active account can be paused");
                yield AccountStatus.suspended;
            }
            case SUSPEND -> {
                // An admin may turn an instructor's own pause into a suspension only an admin lifts.
                require(current == AccountStatus.active
                        || current == AccountStatus.suspended && InstructorService.SELF.equals(changedBy),
                        "the account is already suspended by an admin or deactivated");
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


    private static void require(boolean condition, String refusal) {
        if (!condition) {
            throw ApiException.conflict(refusal);
        }
    }
}
