package com.instainstru.platform.test.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzzing run found: how many requests per status, and every fault with its request. */
public final class FuzzReport {

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> faults = new ArrayList<>();
    private int operations;
    private int requests;
    private int accepted;

    void operations(int count) {
        operations = count;
    }

    void record(FuzzCase c, Answer answer) {
        requests++;
        if (answer.status() >= 200 && answer.status() < 300) {
            accepted++;
        }
        statuses.merge(answer.status(), 1, Integer::sum);
        String fault = answer.fault();
        if (fault == null && c.definite() && answer.status() < 400) {
            fault = "accepted (" + answer.status() + ") what must be refused";
        }
        if (fault == null && c.expect() != 0 && answer.status() != c.expect()) {
            fault = "answered " + answer.status() + ", not " + c.expect();
        }
        if (fault == null && c.kind() != null && !c.kind().equals(answer.kind())) {
            fault = "answered a problem of kind " + answer.kind() + ", not " + c.kind();
        }
        if (fault != null) {
            faults.add(c + ": " + fault);
        }
    }

    /** An error answer of the OpenAPI document that is not described as a problem. */
    void undocumented(String answer) {
        faults.add("the OpenAPI document: " + answer + " is not an application/problem+json Problem");
    }

    public List<String> faults() {
        return List.copyOf(faults);
    }

    public int requests() {
        return requests;
    }

    /** How many requests were answered 2xx (a malformed but legitimate value, such as an odd search text). */
    public int accepted() {
        return accepted;
    }

    /** Fails with every fault found (the first 40), or returns when there is none. */
    public FuzzReport assertClean() {
        if (!faults.isEmpty()) {
            throw new AssertionError(faults.size() + " of " + requests + " requests went wrong (" + this + "):\n  "
                    + String.join("\n  ", faults.subList(0, Math.min(40, faults.size()))));
        }
        return this;
    }

    @Override
    public String toString() {
        return operations + " operations, " + requests + " requests, answers by status " + statuses;
    }
}
