package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.client.BookingViews.Booking;
import com.instainstru.gateway.web.client.BookingViews.BookingPage;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.client.Part;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists of lessons (a student's /lessons, an instructor's /teach/lessons), read from booking-service a page at
 * a time: each tab asks for exactly its lessons in its order (Upcoming soonest first, Past and Cancelled latest
 * first), so that no tab is empty because its lessons fall after another tab's; "Show more" follows the page's
 * {@code nextCursor} (a link, appended in place with htmx). Pages that need every lesson of a bounded range (a
 * week's grid) read them all with {@link #all}.
 */
public final class LessonLists {

    /** Lessons per page of a list. */
    public static final int PAGE_SIZE = 20;
    /** The most pages {@link #all} reads: 1,000 lessons, more than a week can hold (336 half-hour lessons). */
    static final int MOST_PAGES = 5;
    private static final int ALL_PAGE_SIZE = 200;
    /** The tabs of a list: which lessons each holds is the page's own (a student's and an instructor's differ). */
    private static final List<String> TABS = List.of("upcoming", "past", "cancelled");
    /** What a list says when booking-service could not be asked. */
    public static final String UNAVAILABLE = "Your lessons can't be shown right now. Please try again in a minute.";

    private LessonLists() {
    }

    /** The tab asked for ({@code upcoming} when none); one that does not exist is a 400 page. */
    public static String tab(String tab) {
        String shown = tab == null || tab.isBlank() ? "upcoming" : tab;
        if (!TABS.contains(shown)) {
            throw PageException.badRequest("There is no “" + shown + "” list of lessons.");
        }
        return shown;
    }

    /** A page of the tab's lessons: {@code query} says which (status, range, order), {@code cursor} where it goes on. */
    public static Uni<Part<BookingPage>> page(PageServices services, String as, String query, String cursor,
            String bearer) {
        String uri = "/api/v1/bookings?as=" + as + "&limit=" + PAGE_SIZE + "&" + query
                + (cursor == null || cursor.isBlank() ? "" : "&cursor=" + PageServices.encode(cursor.strip()));
        return services.read("booking", uri, bearer, BookingPage.class, "your lessons").map(part -> {
            if (part.status() == 400 && cursor != null) {
                throw PageException.badRequest("This list of lessons can't be continued from this link. "
                        + "Open the list again from its first page.");
            }
            return part;
        });
    }

    /** The link that shows the page after {@code page} of the tab ({@code path}: /lessons), or null on the last. */
    public static String moreUrl(String path, String tab, Part<BookingPage> page) {
        return page.ok() && page.value().nextCursor() != null
                ? path + "?tab=" + tab + "&cursor=" + PageServices.encode(page.value().nextCursor()) : null;
    }

    /**
     * Every lesson {@code query} names, following nextCursor for at most {@link #MOST_PAGES} pages of 200 (a page
     * needs them all: the week's grid marks each lesson). Unavailable as soon as one page is.
     */
    public static Uni<Part<List<Booking>>> all(PageServices services, String as, String query, String bearer) {
        return allFrom(services, "/api/v1/bookings?as=" + as + "&limit=" + ALL_PAGE_SIZE + "&" + query, null, bearer,
                new ArrayList<>(), 1);
    }

    private static Uni<Part<List<Booking>>> allFrom(PageServices services, String uri, String cursor, String bearer,
            List<Booking> found, int pageNumber) {
        String asked = cursor == null ? uri : uri + "&cursor=" + PageServices.encode(cursor);
        return services.read("booking", asked, bearer, BookingPage.class, "your lessons").flatMap(part -> {
            if (!part.ok()) {
                return Uni.createFrom().item(part.map(BookingPage::items));
            }
            found.addAll(part.value().items());
            String next = part.value().nextCursor();
            return next == null || pageNumber >= MOST_PAGES ? Uni.createFrom().item(Part.of(found))
                    : allFrom(services, uri, next, bearer, found, pageNumber + 1);
        });
    }
}
