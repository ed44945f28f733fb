package com.instainstru.catalog.instructor;

/** An instructor account's state: only active instructors are listed and bookable. Stored lower-case. */
public enum AccountStatus {
    active, suspended, deactivated
}
