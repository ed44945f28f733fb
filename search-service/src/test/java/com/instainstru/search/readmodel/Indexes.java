package com.instainstru.search.readmodel;

import java.util.Collection;

/** An {@link OfferingIndex} filled in memory, for tests of what reads it. */
public final class Indexes {

    private Indexes() {
    }

    public static OfferingIndex of(Collection<OfferingIndex.Instructor> instructors, Collection<OfferingIndex.Offering> offerings) {
        OfferingIndex index = new OfferingIndex();
        index.replaceAll(instructors, offerings);
        return index;
    }

    /** An update after the full read, as the follower applies one. */
    public static void put(OfferingIndex index, OfferingIndex.Instructor instructor) {
        index.putInstructor(instructor);
    }

    public static void remove(OfferingIndex index, java.util.UUID instructorId) {
        index.removeInstructor(instructorId);
    }
}
