package com.instainstru.search.query;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text being parsed; each constraint is cut out of it as it is recognised. */
final class Text {

    String value;

    Text(String value) {
        this.value = value;
    }

    /** Applies {@code action} to the first match and cuts it out; true if there was one. */
    boolean cut(Pattern pattern, Consumer<Matcher> action) {
        Matcher m = pattern.matcher(value);
        if (!m.find()) {
            return false;
        }
        action.accept(m);
        cutAt(m.start(), m.end());
        return true;
    }

    /** Every match (the last one read wins). */
    void cutAll(Pattern pattern, Consumer<Matcher> action) {
        while (cut(pattern, action)) {
            // every occurrence
        }
    }

    /** Cuts the first match that {@code accept} takes (it may refuse a match by returning false). */
    boolean cutIf(Pattern pattern, java.util.function.Predicate<Matcher> accept) {
        Matcher m = pattern.matcher(value);
        while (m.find()) {
            if (accept.test(m)) {
                cutAt(m.start(), m.end());
                return true;
            }
        }
        return false;
    }

    void cutAt(int start, int end) {
        value = value.substring(0, start) + " " + value.substring(end);
    }

    boolean has(Pattern pattern) {
        return pattern.matcher(value).find();
    }

    /** Whether the text contains one of the strings: a cheap test before a costly pattern that needs one. */
    boolean mentions(String... needles) {
        for (String needle : needles) {
            if (value.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text has a digit. */
    boolean hasDigit() {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
